/**
 * What the tests of every module share and the product never contains: {@link
 * org.portmortem.testing.SharedFolder}, the one way to find the shared corpus, docs and seed paper
 * beside the repository.
 */
package org.portmortem.testing;
