package dev.signet.processor.jwt;

import com.palantir.javapoet.ClassName;
import dev.signet.annotations.JwtAlgorithm;
import dev.signet.annotations.Location;
import dev.signet.annotations.TokenPlacement;
import dev.signet.processor.jwt.JwtForm.Role;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.JsonShape;
import dev.signet.processor.model.Property;
import dev.signet.processor.model.ValueTraits;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated {@code @SignedJwt} declaration: everything the writer needs, nothing it must check.
 *
 * @param path the path after the site URL, with {@code {token}} and {@code {name}} placeholders
 * @param properties in declaration order, inherited ones first, which is also the claims' order;
 *     then the builder's clock and time to live where there is an issue time
 * @param traits the claims' value traits, by property name: a constant, a spread map
 */
public record JwtModel(
    Declaration declaration,
    JwtAlgorithm algorithm,
    TokenPlacement placement,
    String path,
    String tokenParameter,
    List<Property<JwtForm>> properties,
    Map<String, ValueTraits> traits) {

  /** The traits of the property {@code name}. */
  public ValueTraits traitsOf(String name) {
    return traits.getOrDefault(name, ValueTraits.NONE);
  }

  /**
   * Whether no caller gives {@code property}, which the declaration fixes: a constant claim, or a
   * constant value in the URL.
   */
  public boolean fixed(Property<JwtForm> property) {
    return constant(property).isPresent();
  }

  /** The text the declaration fixes for {@code property}, if it does. */
  public Optional<String> constant(Property<JwtForm> property) {
    return Optional.ofNullable(property.form().constant())
        .or(() -> traitsOf(property.name()).constant());
  }

  /** Whether {@code property} is a map spread into claims named at run time. */
  public boolean spread(Property<JwtForm> property) {
    return traitsOf(property.name()).spreadPrefix().isPresent();
  }

  /** The maps spread into claims, in order. */
  public List<Property<JwtForm>> spreads() {
    return properties.stream().filter(this::spread).toList();
  }

  /** The claims a token carries under their own names, in order: every claim but the spreads. */
  public List<Property<JwtForm>> namedClaims() {
    return claims().stream().filter(p -> !spread(p)).toList();
  }

  /** What the request keeps: every property but the builder's clock and time to live. */
  public List<Property<JwtForm>> kept() {
    return properties.stream().filter(p -> p.form().kept()).toList();
  }

  /** The claims, in order. */
  public List<Property<JwtForm>> claims() {
    return properties.stream().filter(p -> p.form().claim()).toList();
  }

  /** The declared header members, claims that are also in the header among them, in order. */
  public List<Property<JwtForm>> headerMembers() {
    return properties.stream().filter(p -> p.form().inHeader()).toList();
  }

  /**
   * The name of every claim named in the declaration, each component of an unwrapped record among
   * them, in order.
   */
  public List<String> claimNames() {
    return namedClaims().stream().flatMap(p -> claimNames(p).stream()).toList();
  }

  /** The claims {@code claim} writes: its own, or the components of its unwrapped record. */
  static List<String> claimNames(Property<?> claim) {
    JwtForm form = (JwtForm) claim.form();
    if (form.role() == Role.UNWRAPPED) {
      return ((JsonShape.RecordValue) form.shape())
          .components().stream().map(JsonShape.Component::jsonName).toList();
    }
    return List.of(claim.wireName());
  }

  /**
   * The claims every token carries: the required ones, but for an unwrapped record, whose
   * constructor says which of its components it needs.
   */
  public List<String> requiredClaimNames() {
    return namedClaims().stream()
        .filter(p -> p.required() && p.form().role() != Role.UNWRAPPED)
        .map(Property::wireName)
        .toList();
  }

  /**
   * The claim that tells tokens apart for replay protection: a {@code String} claim named {@code
   * jti} (RFC 7519 §4.1.7), where there is one.
   */
  public Optional<Property<JwtForm>> idClaim() {
    return claims().stream()
        .filter(p -> p.form().role() == Role.CLAIM && p.wireName().equals("jti"))
        .filter(p -> p.type().equals(ClassName.get(String.class)))
        .findFirst();
  }

  /** The unsigned values of {@code part}, in order. */
  public List<Property<JwtForm>> unsigned(Location part) {
    return with(Role.UNSIGNED).stream().filter(p -> p.form().part() == part).toList();
  }

  /** The unsigned values in the path, as one segment or several, in order. */
  public List<Property<JwtForm>> inPath() {
    return with(Role.UNSIGNED).stream().filter(p -> JwtReader.isPath(p.form().part())).toList();
  }

  public Optional<Property<JwtForm>> issuedAt() {
    return with(Role.ISSUED_AT).stream().findFirst();
  }

  public Optional<Property<JwtForm>> expiry() {
    return with(Role.EXPIRY).stream().findFirst();
  }

  public Optional<Property<JwtForm>> clock() {
    return with(Role.CLOCK).stream().findFirst();
  }

  public Optional<Property<JwtForm>> timeToLive() {
    return with(Role.TIME_TO_LIVE).stream().findFirst();
  }

  /**
   * The properties a builder must be given, in the order its steps ask for them: the clock's values
   * have defaults, and constants are given by the declaration.
   */
  public List<Property<JwtForm>> requiredInBuilder() {
    return properties.stream()
        .filter(
            p ->
                p.required()
                    && !fixed(p)
                    && p.form().role() != Role.ISSUED_AT
                    && p.form().role() != Role.EXPIRY)
        .toList();
  }

  /** The properties a builder may be given at any step: no constant, which it is never given. */
  public List<Property<JwtForm>> optionalInBuilder() {
    return properties.stream().filter(p -> !fixed(p) && !requiredInBuilder().contains(p)).toList();
  }

  private List<Property<JwtForm>> with(Role role) {
    return properties.stream().filter(p -> p.form().role() == role).toList();
  }
}
