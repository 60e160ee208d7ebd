package org.portmortem.hive;

/**
 * A typed accessor of {@link Value} was asked for a kind of data the value does not hold, for
 * example {@code asInt()} on a REG_SZ. The message names the key, the value and its type.
 */
public class ValueTypeException extends RuntimeException {
    public ValueTypeException(String message) {
        super(message);
    }
}
