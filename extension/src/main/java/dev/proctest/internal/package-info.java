/**
 * What the engine reads of the values a test builds ({@code JavaChild}, {@code CommandChild},
 * {@code Ready}, {@code Stop}): their settings as plain records, read through {@link
 * dev.proctest.internal.Api}, so that the public types show users only what users type.
 * Internal: for proctest's engine only.
 */
@API(status = INTERNAL, since = "0.1")
package dev.proctest.internal;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;
