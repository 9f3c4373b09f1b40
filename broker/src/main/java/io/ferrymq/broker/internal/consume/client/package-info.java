/**
 * Who is connected: producer and consumer groups registered by HEART_BEAT, their subscriptions
 * (which pulls filter by), membership notifications (NOTIFY_CONSUMER_IDS_CHANGED) and expiry of
 * silent or closed channels; plus the client requests about membership (UNREGISTER_CLIENT,
 * GET_CONSUMER_LIST_BY_GROUP, CHECK_CLIENT_CONFIG).
 */
package io.ferrymq.broker.internal.consume.client;
