package io.productsync.poller.shopify;

import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.MockedWiringFactory;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.ScalarWiringEnvironment;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import tools.jackson.core.type.TypeReference;

/**
 * Shopify's real Admin API schema, 2026-04 (from Shopify's own introspection file, ISC, see
 * {@code shopify/LICENSE.shopify-dev-mcp}), built once per test JVM (about 4 s). Every field resolves from the
 * {@link FakeShop} maps by name, except the few the fake computes.
 */
final class AdminSchema {

    static final String VERSION = "2026-04";

    private static final GraphQLSchema SCHEMA = build();
    static final GraphQL GRAPHQL = GraphQL.newGraphQL(SCHEMA).build();

    static GraphQLSchema schema() {
        return SCHEMA;
    }

    private static GraphQLSchema build() {
        Map<String, Object> introspection = read("/shopify/admin_" + VERSION + ".json.gz");
        @SuppressWarnings("unchecked")
        Map<String, Object> data = (Map<String, Object>) introspection.get("data");
        var registry = new SchemaParser().buildRegistry(new IntrospectionResultToSchema().createSchemaDefinition(data));
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .wiringFactory(new MockedWiringFactory() {
                    // Shopify's custom scalars pass through as given; fields read the maps (graphql-java's default).
                    @Override
                    public boolean providesDataFetcher(FieldWiringEnvironment environment) {
                        return false;
                    }

                    // Node is resolved by the wiring below (the fake's maps name their type)
                    @Override
                    public boolean providesTypeResolver(InterfaceWiringEnvironment environment) {
                        return !environment
                                .getInterfaceTypeDefinition()
                                .getName()
                                .equals("Node");
                    }

                    // the mocked scalars refuse to serialize (URL, UnsignedInt64, ...): pass values through instead
                    @Override
                    public GraphQLScalarType getScalar(ScalarWiringEnvironment environment) {
                        GraphQLScalarType mocked = super.getScalar(environment);
                        return mocked.transform(scalar -> scalar.coercing(new PassThrough(mocked.getCoercing())));
                    }
                })
                .type(
                        "QueryRoot",
                        type -> type.dataFetcher("productVariants", shop(FakeShop::productVariants))
                                .dataFetcher("productVariantsCount", shop(FakeShop::productVariantsCount))
                                .dataFetcher("inventoryItem", shop(FakeShop::inventoryItem))
                                .dataFetcher("nodes", shop(FakeShop::nodes))
                                .dataFetcher("webhookSubscriptions", webhooks(FakeWebhooks::subscriptions))
                                .dataFetcher("bulkOperation", bulk(FakeBulkOperations::operation))
                                .dataFetcher("currentBulkOperation", bulk(FakeBulkOperations::current)))
                .type(
                        "InventoryItem",
                        type -> type.dataFetcher("inventoryLevel", shop(FakeShop::inventoryLevel))
                                .dataFetcher("variants", shop(FakeShop::itemVariants)))
                // the fake's nodes are maps naming their type
                .type(
                        "Node",
                        type -> type.typeResolver(environment -> environment
                                .getSchema()
                                .getObjectType((String) ((Map<?, ?>) environment.getObject()).get("__typename"))))
                .type("InventoryLevel", type -> type.dataFetcher("quantities", FakeShop::quantities))
                .type(
                        "Mutation",
                        type -> type.dataFetcher("inventorySetQuantities", shop(FakeShop::setQuantities))
                                .dataFetcher("bulkOperationRunQuery", bulk(FakeBulkOperations::runQuery))
                                .dataFetcher("webhookSubscriptionCreate", webhooks(FakeWebhooks::create)))
                .build();
        return new SchemaGenerator().makeExecutableSchema(registry, wiring);
    }

    /** A custom scalar as given: values out and variables in unchanged, literals as graphql-java's mock reads them. */
    private record PassThrough(Coercing<?, ?> literals) implements Coercing<Object, Object> {

        @Override
        public Object serialize(Object result, GraphQLContext context, Locale locale) {
            return result;
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            return input;
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            return literals.parseLiteral(input, variables, context, locale);
        }
    }

    interface ShopFetcher {
        Object fetch(FakeShop shop, graphql.schema.DataFetchingEnvironment environment);
    }

    private static DataFetcher<Object> shop(ShopFetcher fetcher) {
        return environment -> fetcher.fetch(environment.getGraphQlContext().get(FakeShop.class), environment);
    }

    private static DataFetcher<Object> bulk(BulkFetcher fetcher) {
        return environment -> fetcher.fetch(environment.getGraphQlContext().get(FakeBulkOperations.class), environment);
    }

    interface WebhooksFetcher {
        Object fetch(FakeWebhooks webhooks, graphql.schema.DataFetchingEnvironment environment);
    }

    private static DataFetcher<Object> webhooks(WebhooksFetcher fetcher) {
        return environment -> fetcher.fetch(environment.getGraphQlContext().get(FakeWebhooks.class), environment);
    }

    interface BulkFetcher {
        Object fetch(FakeBulkOperations bulk, graphql.schema.DataFetchingEnvironment environment);
    }

    private static Map<String, Object> read(String resource) {
        try (InputStream in = AdminSchema.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return GraphQlClient.JSON.readValue(new GZIPInputStream(in), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AdminSchema() {}
}
