package org.portmortem.verdict;

/** What an observed listening socket turned out to be once compared with the prediction. */
public enum VerdictKind {
    /** A predicted listener accounts for it; the verdict says which and why. */
    EXPLAINED,
    /**
     * No predicted listener accounts for it: software the hives do not explain, or a backdoor.
     * Always raises a high-severity finding.
     */
    UNEXPLAINED,
    /**
     * Not a listening server but an artefact of the listing: a phantom listener of a Windows 2000/XP
     * netstat, the local port of an outgoing connection printed as {@code 0.0.0.0:P LISTENING}.
     */
    ARTEFACT
}
