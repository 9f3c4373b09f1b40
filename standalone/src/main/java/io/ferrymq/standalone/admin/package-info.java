/**
 * {@code bin/mqadmin}: operator commands over FerryMQ's {@link io.ferrymq.client.Admin}, named as
 * RocketMQ's {@code mqadmin} names them.
 */
package io.ferrymq.standalone.admin;
