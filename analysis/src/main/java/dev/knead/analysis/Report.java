package dev.knead.analysis;

import dev.knead.topology.certificate.Certificate;
import dev.knead.topology.certificate.SphereCertificate;
import dev.knead.topology.maps.LayerMap;
import dev.knead.topology.verdict.Verdict;
import java.util.List;

/**
 * Everything {@code knead explain} says about a network on a data set.
 *
 * @param network e.g. "2-3-2 tanh"
 * @param data the data set's name
 * @param dataFacts the topology measured on the data's points, with the ground truth beside it
 * @param before what theory decides from the architecture and the data's topology alone
 * @param layers the map analysis of every layer (output layer last)
 * @param stages measurements at the input, after every hidden layer, and at the logits
 * @param bettiProcedure the k tried and the hop scale of the per-stage Betti numbers
 * @param sampledPerClass the most points per class used for Betti numbers (a seeded subsample)
 * @param stagePoints points every stage measure read (a seeded class-stratified subsample when
 *     fewer than totalPoints; see {@link Analyst.Options#maxPoints})
 * @param totalPoints points in the data set
 * @param certificates for 2-D inputs: whether each checked class's decision region is bounded,
 *     and through which tunnel it escapes to infinity
 * @param sphereCertificates the same for 3-D inputs
 * @param after verdicts that need the trained weights
 * @param account the plain-language account, one or two sentences per layer
 * @param narration what each stage does to the classes, in sentences that cite the stage measures
 * @param separabilityWork most multiply-adds spent deciding one pair's linear separability
 */
public record Report(
    String network,
    String data,
    DataFacts dataFacts,
    List<Verdict> before,
    List<LayerMap> layers,
    List<StageMeasure> stages,
    BettiProcedure bettiProcedure,
    int sampledPerClass,
    int stagePoints,
    int totalPoints,
    List<Certificate> certificates,
    List<SphereCertificate> sphereCertificates,
    List<Verdict> after,
    List<String> account,
    List<Narration.Sentence> narration,
    long separabilityWork) {

  public Report {
    before = List.copyOf(before);
    layers = List.copyOf(layers);
    stages = List.copyOf(stages);
    certificates = List.copyOf(certificates);
    sphereCertificates = List.copyOf(sphereCertificates);
    after = List.copyOf(after);
    account = List.copyOf(account);
    narration = List.copyOf(narration);
  }
}
