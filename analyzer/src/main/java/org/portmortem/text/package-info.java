/**
 * Text from an image or a listing as an examiner may safely see it: which characters would hide,
 * reorder or rewrite text on a screen ({@link org.portmortem.text.HiddenCharacters}), defined once
 * for the HTML report, the terminal and every text output.
 */
package org.portmortem.text;
