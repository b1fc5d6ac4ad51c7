/** Small programs that the engine's tests run as children: each does one thing a real one might. */
package dev.proctest.engine.children;
