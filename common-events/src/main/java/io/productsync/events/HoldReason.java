package io.productsync.events;

/** Why a snapshot's removals were held instead of applied. */
public enum HoldReason {
    /** The snapshot was empty where the last applied one was not. */
    EMPTY_SNAPSHOT,
    /** The snapshot would remove more than the allowed share of the source's SKUs. */
    MASS_REMOVAL
}
