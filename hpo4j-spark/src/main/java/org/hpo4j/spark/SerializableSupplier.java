package org.hpo4j.spark;

import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A recipe that executors run to build their own copy of something the driver cannot ship, such as
 * a sampler or a pruner: those hold no state the storage cannot rebuild, so a copy per executor
 * proposes what the driver's would.
 */
@FunctionalInterface
public interface SerializableSupplier<T> extends Supplier<T>, Serializable {}
