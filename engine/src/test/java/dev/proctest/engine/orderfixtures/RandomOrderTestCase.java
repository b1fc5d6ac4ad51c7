package dev.proctest.engine.orderfixtures;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestMethodOrder;

/** Eight tests in a pseudo-random order. */
@TestMethodOrder(MethodOrderer.Random.class)
public class RandomOrderTestCase extends EightTests {}
