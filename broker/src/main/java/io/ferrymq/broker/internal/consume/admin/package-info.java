/**
 * Admin requests the official tooling (mqadmin, dashboard) sends: topics and subscription groups
 * (create, delete, list), consume stats with lag, topic stats, connection lists and broker runtime
 * info. One handler per request kind.
 */
package io.ferrymq.broker.internal.consume.admin;
