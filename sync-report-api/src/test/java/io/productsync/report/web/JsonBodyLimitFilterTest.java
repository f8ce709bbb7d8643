package io.productsync.report.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class JsonBodyLimitFilterTest {

    private final JsonBodyLimitFilter filter = new JsonBodyLimitFilter(DataSize.ofKilobytes(1));

    @Test
    void aBodyThatAnnouncesMoreThanTheBoundIs413BeforeAnythingReadsIt() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        ReadingServlet servlet = new ReadingServlet();

        filter.doFilter(request(new byte[1025], true), response, new MockFilterChain(servlet));

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString())
                .contains(
                        "\"detail\":\"the JSON body is larger than 1 KB: a request body of this API is a few fields\"");
        assertThat(servlet.read).as("the servlet was never called").isEqualTo(-1);
    }

    @Test
    void aBodyWithoutALengthIsCutWhereItPassesTheBound() throws Exception {
        ReadingServlet servlet = new ReadingServlet();
        MockFilterChain chain = new MockFilterChain(servlet);

        assertThatThrownBy(() -> filter.doFilter(request(new byte[4096], false), new MockHttpServletResponse(), chain))
                .isInstanceOf(JsonBodyLimitFilter.TooLarge.class);
        assertThat(servlet.read).isEqualTo(-1);
    }

    @Test
    void aBodyWithinTheBoundAndOtherContentTypesPassWhole() throws Exception {
        ReadingServlet json = new ReadingServlet();
        filter.doFilter(request(new byte[1024], false), new MockHttpServletResponse(), new MockFilterChain(json));
        assertThat(json.read).isEqualTo(1024);

        ReadingServlet csv = new ReadingServlet();
        MockHttpServletRequest file = request(new byte[4096], true);
        file.setContentType("text/csv");
        filter.doFilter(file, new MockHttpServletResponse(), new MockFilterChain(csv));
        assertThat(csv.read).as("CSV files have their own bound").isEqualTo(4096);
    }

    private static MockHttpServletRequest request(byte[] body, boolean withLength) {
        MockHttpServletRequest request = withLength
                ? new MockHttpServletRequest("PUT", "/api/v1/tenants/acme/aliases/A")
                : new MockHttpServletRequest("PUT", "/api/v1/tenants/acme/aliases/A") {
                    @Override
                    public long getContentLengthLong() {
                        return -1;
                    }
                };
        request.setContentType("application/json");
        request.setContent(body);
        return request;
    }

    /** Reads the whole body, as a message converter would; -1 until it has read it to its end. */
    private static final class ReadingServlet extends HttpServlet {
        int read = -1;

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            try (InputStream in = request.getInputStream()) {
                int total = in.readAllBytes().length;
                read = total;
            }
        }
    }
}
