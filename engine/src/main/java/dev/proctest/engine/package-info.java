/**
 * The proctest test engine. Its packages name the architecture: {@code discovery} turns selectors
 * into descriptors, {@code descriptor} holds the test tree, {@code execution} runs it and {@code
 * injection} resolves the parameters of test and lifecycle methods.
 */
package dev.proctest.engine;
