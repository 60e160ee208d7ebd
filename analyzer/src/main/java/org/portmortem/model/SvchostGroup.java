package org.portmortem.model;

import java.util.List;

/**
 * A svchost group: the services that share one {@code svchost.exe -k NAME} process.
 *
 * @param name the group name as listed in SOFTWARE {@code Microsoft\Windows NT\CurrentVersion\Svchost}
 *     or, without that, as named by {@code -k} in a service's ImagePath
 * @param listedMembers the group's value in SOFTWARE {@code ...\Svchost} (the services svchost will
 *     host in that process); absent without SOFTWARE or when no such value exists
 * @param declaringServices the services in the control set whose ImagePath names this group with
 *     {@code -k}, in name order
 */
public record SvchostGroup(String name, Evidenced<List<String>> listedMembers, List<String> declaringServices) {}
