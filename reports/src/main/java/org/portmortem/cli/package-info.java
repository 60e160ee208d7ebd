/**
 * The command line (picocli): one class per subcommand; {@code PortMortemCommand} is the entry
 * every subcommand goes through, {@code CaseOptions} the options shared by the commands that read a case.
 */
package org.portmortem.cli;
