/** Message look-ups: QUERY_MESSAGE by key or unique key, VIEW_MESSAGE_BY_ID by physical offset. */
package io.ferrymq.broker.internal.consume.query;
