package dev.knead.experiments;

/** How a claim is decided (issue 6). */
public enum Protocol {
  /** "width 3 can": holds when the best of k seeds achieves it. */
  EXISTENCE,
  /** "width 2 never": holds only when every one of k seeds carries a certificate. */
  IMPOSSIBILITY,
  /** "ReLU reduces faster": a statistical test over at least ten well-trained networks. */
  TREND
}
