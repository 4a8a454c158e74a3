using System.Text.Json.Serialization;

namespace Claims.Extraction.Knowledge;

// Shapes of the data files in Data/*.json (edited by analysts, loaded once).

internal sealed record ActorsFile(List<ActorData> Actors, AnonymousData Anonymous, TitlesData Titles, PronounsData Pronouns, List<string> Demonstratives);
internal sealed record ActorData(string Id, string Name, string Kind, string? Side, string? ActsFor, string? TargetClass,
    List<string>? Aliases, List<string>? Demonyms, List<string>? Nationality, List<string>? Roles, List<string>? GenericNouns, string? Capital, List<string>? DefaultFor = null,
    List<string>? Theatres = null);
internal sealed record AnonymousData(List<string> Heads, List<string> Qualifiers);
internal sealed record TitlesData(List<string> Person, List<string> Honorifics, List<string> Plural, List<string> NameParticles, List<string> NotNames,
    List<string>? Spokesman = null, List<string>? SurnameTitles = null, Dictionary<string, List<string>>? Synonyms = null, List<string>? AnyOffice = null);
internal sealed record PronounsData(List<string> Person, List<string> Group);

internal sealed record PlacesFile(List<ProvinceData> Provinces, List<PlaceData> Places, List<string> ProvinceWords, List<string> ProvinceAnaphora, List<string> LocativePrepositions,
    Dictionary<string, string>? SecondCities = null, List<string>? AreaAnaphora = null);
internal sealed record ProvinceData(string Id, string Name, string Country, List<string>? Variants);
internal sealed record PlaceData(string Id, string Name, string Kind, string? Province, List<string>? Variants);

internal sealed record VerbsFile(List<VerbData> Verbs, List<string> Auxiliaries, List<string> ReflexiveAuxiliaries, List<string> PassiveAuxiliaries,
    List<string> Adverbs, List<string> SourcePrepositions, List<string> SourceForPronoun, List<string> CitedBy, List<string> NotSourceAfterSelon,
    BackReferenceData BackReference, List<string> ClauseBoundaries, List<string>? DocumentNouns, List<string>? IssuedDocuments = null,
    List<string>? ImpersonalReading = null);
internal sealed record VerbData(string Lemma, string? Class, string? Participle, List<string>? Forms, string? Infinitive, string? Complement,
    bool Dispute, bool NeedsQue, bool NeedsQuote, bool Reflexive, bool Irrealis = false);
internal sealed record BackReferenceData(List<string> Nouns, List<string> Links);

internal sealed record DisputeFile(List<string> ClaimNouns, List<string> ClaimClauseIntroducers, List<string> Unfounded, List<string> Contrasts,
    List<string> AccusationVerbs, List<string> CallVerbs, List<string> OppositionWords, List<string> JihadistWords, List<string>? DeniedHits, List<string>? DiscreditingVerbs,
    List<string>? PresenceWords = null, List<string>? PresenceNouns = null, List<string>? AbsenceWords = null, List<string>? InquiryNouns = null, List<string>? DeniedActions = null, List<string>? RejectedExcuses = null, List<string>? Reciprocal = null,
    List<string>? ContrarySources = null, List<string>? HearsayNouns = null, List<string>? HearsayOpeners = null, List<string>? JudgementVerbs = null,
    List<string>? NamingVerbs = null, List<string>? DenialSpanWords = null, List<string>? HadForms = null, List<string>? PresenceForms = null,
    List<string>? Adversatives = null, List<string>? Restrictions = null, List<string>? MotivePredicates = null, List<string>? ReactionVerbs = null,
    List<string>? Excuses = null, List<string>? RetortVerbs = null, List<string>? AlsoWords = null);

internal sealed record NumbersFile(Dictionary<string, int> Units, Dictionary<string, int> Approximate, Dictionary<string, int> Weekdays,
    Dictionary<string, int> Months, Dictionary<string, int> RelativeDays);

internal sealed record BoilerplateFile(List<string> LineStarts, List<string> LineContains, List<string> LineEndsWith, List<string> NoCommentMarkers,
    List<string> CommentMarkers, string CommentTimestamp, List<string> TeaserSections, List<string> NavigationWords, List<string> TitleSuffixSeparators,
    List<string> OutletLine, List<string> LinePrefixesToStrip, List<string> DateLines);

internal sealed record StrikesFile(List<string> TriggerNouns, List<StrikeVerbData> TriggerVerbs, List<string> SupportVerbs, List<string> AgentNouns,
    List<string> TargetNouns, Dictionary<string, string> TargetClasses, Dictionary<string, string> CountNouns, List<string> KillWords, List<string> Weapons,
    List<string> Irrealis, List<string> Campaign, List<string> HabitualForms, List<string> NotLocationVerbs, List<string> TargetingVerbs, List<string>? AttributionVerbs, List<string>? ImpactWords = null, List<string>? FallWords = null, List<string>? ClaimOwnStrikeVerbs = null, List<string>? PlaceBackReferences = null, List<string>? AerialAgents = null, List<string>? CivilianTargetWords = null, List<string>? MilitaryTargetWords = null, List<string>? PresentingWords = null,
    List<string>? ContextualNouns = null, List<string>? InvolvementDenials = null, List<string>? AirDefenceWords = null, List<string>? RetellingWords = null, List<string>? NewStrikeWords = null,
    List<string>? AnsweredAttackOpeners = null, List<string>? InterceptionVerbs = null, List<string>? TheatreNouns = null, List<string>? UnidentifiedWords = null, List<string>? TargetListOpeners = null, List<string>? NotTargetWords = null, List<string>? DropWords = null, List<string>? DroppedSupplies = null, List<string>? DiedWords = null);
internal sealed record StrikeVerbData(string Lemma, List<string> Forms, bool NeedsAuxiliary, bool NeedsAerialAgent = false, bool ActiveOnly = false);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(ActorsFile))]
[JsonSerializable(typeof(PlacesFile))]
[JsonSerializable(typeof(VerbsFile))]
[JsonSerializable(typeof(DisputeFile))]
[JsonSerializable(typeof(NumbersFile))]
[JsonSerializable(typeof(BoilerplateFile))]
[JsonSerializable(typeof(StrikesFile))]
[JsonSerializable(typeof(PhrasingFile))]
[JsonSerializable(typeof(OpenClassFile))]
[JsonSerializable(typeof(GrammarFile))]
[JsonSerializable(typeof(CountriesFile))]
internal sealed partial class DataJsonContext : JsonSerializerContext;

internal sealed record PhrasingFile(Dictionary<string, string> Templates, Dictionary<string, string> Units, Dictionary<string, string> ActorArticles,
    Dictionary<string, string> HeadArticles, List<string> LowercaseHeads, Dictionary<string, string> PlaceArticles, Dictionary<string, string> Contractions,
    Dictionary<string, string> Elisions, string Vowels, string ListSeparator, string ListLastSeparator, List<string> DistributivePrepositions);


internal sealed record OpenClassFile(InstitutionData Institutions, DescriptiveData DescriptiveSources, MediaData Media, PersonDescriptionData PersonDescriptions, PlaceIntroducerData PlaceIntroducers);
internal sealed record InstitutionData(List<string> Heads, List<string> Domains, List<string> HeadsActingForState, List<string> HeadsStandingForState, List<string> RegionWords, List<string>? NationalitySuffixes,
    List<string>? LeaderWords = null, List<string>? HeadQualifiers = null, List<string>? OrganisationHeads = null);
internal sealed record DescriptiveData(List<string> Determiners, List<string> Heads, List<string> Qualifiers);
internal sealed record MediaData(List<string> Heads, List<string> LinkWords);
internal sealed record PersonDescriptionData(List<string> Titles);
internal sealed record PlaceIntroducerData(List<string> Prepositions, List<string> Nouns, Dictionary<string, string> PlaceKinds, List<string> NotPlaces, List<string> Directions);

internal sealed record GrammarFile(List<string> Determiners, List<string> PhraseDeterminers, List<string> Prepositions, List<string> NotPrepositionBeforeDes,
    List<string> NotNamesAtStart, List<string> TitleModifiers, List<string> RelativeWords, List<string> NounMarkers, List<string> Negations,
    List<string> StrongNegations, List<string> IrrealisAfter, List<string> CampaignWords, List<string> DurationUnits, List<string> DeniedActInfinitives,
    List<string> ParticipleAdverbs, List<string> Abbreviations, List<string> ElisionPrefixes, List<string>? LoyalForceNouns = null, List<string>? LoyalWords = null, List<string>? TimeWordsBeforeContent = null,
    List<string>? NoneDeterminers = null, List<string>? AddresseeWords = null, Dictionary<string, string>? DemonstrativePronouns = null,
    List<string>? QualifierWords = null, List<string>? DescriptionModifiers = null, List<string>? ChannelPrepositions = null,
    List<string>? DefiniteArticles = null, List<string>? MemberWords = null, Dictionary<string, string>? LatterPronouns = null);

internal sealed record CountriesFile(List<CountryData> Countries);
internal sealed record CountryData(string Name, string? Adjective, List<string>? Aliases, string? Capital, List<string>? Forms);
