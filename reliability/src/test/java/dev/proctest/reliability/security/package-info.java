/**
 * Security: where the hub listens, where the run's token goes and where it must not, who may read
 * the children's files, and what a peer without the token gets.
 */
package dev.proctest.reliability.security;
