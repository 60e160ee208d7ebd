package org.portmortem.fleet.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.portmortem.fleet.FleetEngine;
import org.portmortem.fleet.HostInput;
import org.portmortem.fleet.HostRun;
import org.portmortem.fleet.HostSummary;
import org.portmortem.fleet.StackKey;
import scala.Tuple2;

/**
 * The fleet as a Spark job: the host list is parallelised, each executor runs {@link HostRun} (so
 * the executors read the inputs and write {@code hosts/<id>.json} on the shared file system), and
 * the stacking keys are grouped by Spark; only the small summaries and the stacking rows come back
 * to the driver. Rows are sorted as the embedded engine sorts them, so both give the same
 * {@code fleet.json}.
 *
 * <p>The Spark configuration comes from {@code spark-submit} or {@code spark.*} system properties;
 * without a master it runs {@code local[*]}.
 */
public final class SparkFleetEngine implements FleetEngine {

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Result run(List<HostInput> hosts, HostRun run, Progress progress) {
        SparkConf conf = new SparkConf().setAppName("portmortem fleet");
        if (!conf.contains("spark.master")) {
            conf.setMaster("local[*]");
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            if (hosts.isEmpty()) {
                return new Result(List.of(), List.of());
            }
            int slices = Math.max(1, Math.min(hosts.size(), sc.defaultParallelism() * 4));
            JavaRDD<HostSummary> summaries =
                    sc.parallelize(hosts, slices).map(run::analyse).persist(StorageLevel.MEMORY_AND_DISK());
            List<HostSummary> collected = new ArrayList<>(summaries.collect());
            collected.sort(Comparator.comparing(HostSummary::id));
            collected.forEach(progress::done);
            List<StackKey.Stack> stacking = new ArrayList<>(summaries
                    .flatMapToPair(s -> StackKey.of(s).stream()
                            .map(k -> new Tuple2<>(k, s.id()))
                            .iterator())
                    .groupByKey()
                    .map(g -> {
                        TreeSet<String> ids = new TreeSet<>();
                        g._2().forEach(ids::add);
                        return new StackKey.Stack(g._1(), ids.size(), new ArrayList<>(ids));
                    })
                    .collect());
            stacking.sort(StackKey.RAREST_FIRST);
            summaries.unpersist();
            return new Result(collected, stacking);
        }
    }
}
