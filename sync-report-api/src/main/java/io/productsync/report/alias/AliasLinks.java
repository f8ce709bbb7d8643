package io.productsync.report.alias;

import io.productsync.report.alias.AliasReadModel.AliasLink;
import java.util.List;

/**
 * Where the one-hop rule looks up the aliases a new {@code alias -> wmsSku} would chain with: the read model for one
 * PUT, the read model plus the earlier lines of the file for an import.
 */
@FunctionalInterface
interface AliasLinks {

    /** {@code wmsSku} as an alias (unless it is {@code alias}), then up to 5 other aliases pointing at {@code alias}. */
    List<AliasLink> chainingWith(String alias, String wmsSku);
}
