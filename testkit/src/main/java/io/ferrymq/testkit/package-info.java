/** Test support shared by the modules' tests: a manual clock, and (later) in-JVM cluster harnesses. */
package io.ferrymq.testkit;
