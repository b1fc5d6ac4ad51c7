/**
 * The reliability suite: each package inflicts one kind of fault on proctest and records its
 * figures with {@link dev.proctest.reliability.Figures}.
 */
package dev.proctest.reliability;
