package org.portmortem.snapshot;

/**
 * A TCP socket state, normalized to the English words that an English netstat prints. Localized
 * words ({@code ABHÖREN}) and PowerShell names ({@code Listen}) map here through the vocabulary
 * resource; the original text stays on {@link Socket#stateText()}.
 */
public enum SocketState {
    LISTENING,
    SYN_SENT,
    SYN_RECEIVED,
    ESTABLISHED,
    FIN_WAIT_1,
    FIN_WAIT_2,
    CLOSE_WAIT,
    CLOSING,
    LAST_ACK,
    TIME_WAIT,
    CLOSED,
    DELETE_TCB,
    /** PowerShell only: a socket bound to a port that neither listens nor connects. */
    BOUND,
    /** A state word the vocabulary does not know and the language-independent rule cannot decide. */
    UNKNOWN;

    /**
     * Whether a connection in this state still holds its local TDI address object, i.e. a
     * pre-2003 netstat would also show that local port as LISTENING (see {@link PhantomListener}).
     */
    public boolean isConnected() {
        return switch (this) {
            case SYN_SENT, SYN_RECEIVED, ESTABLISHED, FIN_WAIT_1, FIN_WAIT_2, CLOSE_WAIT, CLOSING, LAST_ACK -> true;
            default -> false;
        };
    }
}
