/**
 * A chat server and its peers: every line a peer says reaches every other peer that has joined.
 * A line said before a peer joined does not reach it, so a test of several peers lets none speak
 * before all have joined, with a barrier ({@code ChatTests}).
 */
package dev.proctest.samples.chat;
