/** The whole service from outside: real sockets, real HTTP, the stores behind it. */
package io.queuegate.it;
