/**
 * The API a test types: the test annotations, the injectable types and the configuration keys.
 *
 * <p>Process and system tests are run by the proctest engine (engine id {@code proctest}); unit
 * tests annotated with {@link dev.proctest.UnitTest} are ordinary Jupiter tests.
 */
package dev.proctest;
