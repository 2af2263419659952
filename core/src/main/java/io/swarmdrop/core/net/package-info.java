/** Host names and addresses as the configuration gives them: loopback, wildcard, the host of a URL. */
package io.swarmdrop.core.net;
