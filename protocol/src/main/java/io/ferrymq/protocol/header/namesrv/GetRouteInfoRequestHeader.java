package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/**
 * GET_ROUTEINFO_BY_TOPIC (105) request header. FerryMQ always answers standard JSON, so
 * {@code acceptStandardJsonOnly} is accepted and has no effect. Immutable.
 */
public record GetRouteInfoRequestHeader(@Required String topic, Boolean acceptStandardJsonOnly) {}
