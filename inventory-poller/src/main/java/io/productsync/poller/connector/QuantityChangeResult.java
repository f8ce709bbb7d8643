package io.productsync.poller.connector;

/** How a {@link QuantityChange} ended. {@code currentQuantity} is set for CURRENT_DIFFERS; {@code error} for REJECTED. */
public record QuantityChangeResult(Status status, Long currentQuantity, String error) {

    public enum Status {
        /** The cart now holds the target; it was written by this call. */
        APPLIED,
        /** The cart already held the target; nothing was written. */
        ALREADY_AT_TARGET,
        /** The cart holds neither the expected nor the target quantity; nothing was written. */
        CURRENT_DIFFERS,
        /** The cart refused the change; {@code error} is its own text. */
        REJECTED,
        /** The cart no longer has the SKU; its next snapshot removes it. */
        NOT_IN_CART
    }

    /** What the cart holds now, as this answer to {@code change} shows it; null when the answer does not say. */
    public Long quantityNow(QuantityChange change) {
        return switch (status) {
            case APPLIED, ALREADY_AT_TARGET -> change.target();
            case CURRENT_DIFFERS -> currentQuantity;
            case REJECTED, NOT_IN_CART -> null;
        };
    }

    public static QuantityChangeResult applied() {
        return new QuantityChangeResult(Status.APPLIED, null, null);
    }

    public static QuantityChangeResult alreadyAtTarget() {
        return new QuantityChangeResult(Status.ALREADY_AT_TARGET, null, null);
    }

    public static QuantityChangeResult currentDiffers(long current) {
        return new QuantityChangeResult(Status.CURRENT_DIFFERS, current, null);
    }

    public static QuantityChangeResult notInCart() {
        return new QuantityChangeResult(Status.NOT_IN_CART, null, null);
    }

    public static QuantityChangeResult rejected(String error) {
        return new QuantityChangeResult(Status.REJECTED, null, error);
    }
}
