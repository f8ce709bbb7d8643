-- A WMS may be polled at its own interval (null: at the shortest interval of the carts it feeds).
ALTER TABLE wms_connections ADD COLUMN poll_interval interval;
