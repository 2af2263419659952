package io.swarmdrop.console;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.swarmdrop.console.web.Csrf;
import java.util.HashMap;
import java.util.Map;

/**
 * A signed-in session against the console over real HTTP: it keeps the session and CSRF cookies
 * like a browser and fills in the CSRF field of forms unless told not to.
 */
final class Browser {

    private final Map<String, String> cookies = new HashMap<>();

    static Browser signedInAs(String account, String password) {
        var browser = new Browser();
        Response response = browser.signIn(account, password);
        if (!browser.cookies.containsKey("swarmdrop-session")) {
            throw new AssertionError(
                    "sign-in as " + account + " failed: " + response.statusCode() + " " + response.header("Location"));
        }
        return browser;
    }

    Response signIn(String account, String password) {
        Response response = given().redirects()
                .follow(false)
                .formParam("j_username", account)
                .formParam("j_password", password)
                .post("/j_security_check");
        cookies.putAll(response.cookies());
        return response;
    }

    private RequestSpecification request() {
        return given().redirects().follow(false).cookies(cookies);
    }

    Response get(String path) {
        Response response = request().get(path);
        cookies.putAll(response.cookies());
        return response;
    }

    /** Posts a form with this session's CSRF token; {@code fields} are name, value pairs. */
    Response post(String path, String... fields) {
        if (!cookies.containsKey(Csrf.COOKIE)) {
            get("/publications");
        }
        return postWithToken(path, cookies.get(Csrf.COOKIE), fields);
    }

    Response postWithToken(String path, String token, String... fields) {
        RequestSpecification request = request().contentType("application/x-www-form-urlencoded");
        if (token != null) {
            request = request.formParam(Csrf.FIELD, token);
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        Response response = request.post(path);
        cookies.putAll(response.cookies());
        return response;
    }
}
