/**
 * The fleet on Apache Spark: {@link org.portmortem.fleet.spark.SparkFleetEngine} runs the same
 * per-host function as the embedded engine ({@link org.portmortem.fleet.HostRun}) in Spark
 * executors, which write the host reports, and groups the stacking keys with Spark;
 * {@link org.portmortem.fleet.spark.SparkFleet} is the {@code spark-submit} entry point. Spark is a
 * {@code provided} dependency: the cluster supplies it.
 */
package org.portmortem.fleet.spark;
