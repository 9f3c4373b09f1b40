/** Load tools run by {@code bin/benchmark}: each prints its parameters and its figures. */
package io.ferrymq.bench;
