/**
 * The knowledge base: one JSON file per service or driver under
 * {@code resources/org/portmortem/exposure/knowledge/}, each port, binding and condition with the
 * document it comes from, loaded into typed records ({@code ServiceKnowledge}, {@code PortSpec}, ...).
 */
package org.portmortem.exposure.knowledge;
