package dev.signet.processor.model;

/**
 * The declared shape of a nonce.
 *
 * @param alphabet every character a nonce may hold, each once, ranges expanded
 */
public record NonceShape(int length, String alphabet) {}
