/**
 * The few helpers every package may use (enum lookup with a helpful error, temp dirs). It depends
 * on no other package of this project.
 */
package dev.concurrencybench.util;
