package io.ferrymq.protocol.header.namesrv;

import io.ferrymq.protocol.header.Required;

/** GET_KVLIST_BY_NAMESPACE (219) request header. Immutable. */
public record GetKVListByNamespaceRequestHeader(@Required String namespace) {}
