/**
 * Nothing hangs: every wait of proctest's API, given a deadline, ends by it when the other side
 * misbehaves. The {@code *TestCase} classes call each wait against a misbehaving child or peer;
 * {@link dev.proctest.reliability.hangs.HangsTests} runs them under load and records the worst
 * overshoot of any deadline.
 */
package dev.proctest.reliability.hangs;
