package io.productsync.poller.shopify;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.Value;
import graphql.language.VariableReference;
import java.util.Map;

/**
 * The fake's simple cost model: a mutation costs 10; a query costs its root fields, {@code productVariants} 2 plus 3
 * per requested variant (the variant, its inventory item and its level), any other root field 3.
 */
final class QueryCost {

    static double of(Document document, Map<String, Object> variables) {
        OperationDefinition operation =
                document.getDefinitionsOfType(OperationDefinition.class).get(0);
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            return 10;
        }
        double cost = 0;
        for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
            if (selection instanceof Field field && field.getName().equals("productVariants")) {
                cost += 2 + 3 * first(field, variables);
            } else {
                cost += 3;
            }
        }
        return cost;
    }

    private static long first(Field field, Map<String, Object> variables) {
        Value<?> value = field.getArguments().stream()
                .filter(argument -> argument.getName().equals("first"))
                .map(argument -> argument.getValue())
                .findFirst()
                .orElse(null);
        if (value instanceof IntValue literal) {
            return literal.getValue().longValue();
        }
        if (value instanceof VariableReference variable && variables.get(variable.getName()) instanceof Number n) {
            return n.longValue();
        }
        return 0;
    }

    private QueryCost() {}
}
