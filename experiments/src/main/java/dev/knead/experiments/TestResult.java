package dev.knead.experiments;

/**
 * A statistical test behind a trend claim.
 *
 * @param name e.g. "Mann–Whitney U, one-sided (relu < tanh)"
 * @param statistic the test statistic (U, or W⁺)
 * @param pValue the one-sided p-value in the claimed direction
 * @param alpha the significance level the verdict uses
 * @param sizes how many networks each group held, e.g. "relu 12, tanh 11"
 */
public record TestResult(String name, double statistic, double pValue, double alpha, String sizes) {}
