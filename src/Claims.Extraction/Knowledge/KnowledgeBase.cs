using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Claims.Extraction.Text;

namespace Claims.Extraction.Knowledge;

/// <summary>Actors, places and lexicons compiled from the embedded Data/*.json files. Immutable once built; shared by all extractions.</summary>
public sealed class KnowledgeBase
{
    private static readonly Lazy<KnowledgeBase> EmbeddedInstance = new(LoadEmbedded);
    public static KnowledgeBase Embedded => EmbeddedInstance.Value;

    public IReadOnlyDictionary<string, ActorEntry> Actors { get; }
    public PhraseIndex<ActorEntry> ActorNames { get; } = new();
    public PhraseIndex<ActorEntry> Roles { get; } = new();
    /// <summary>The first word of each role a listed person holds ("ministre", "porte-parole"), by actor id.</summary>
    public Dictionary<string, HashSet<string>> RoleTitleWords { get; } = new(StringComparer.Ordinal);
    // Each listed person's roles, folded, without their nationality words ("chef de la diplomatie russe" → "chef de la
    // diplomatie"): what a counterpart in another nation holds too.
    private readonly Dictionary<string, HashSet<string>> _roleStems = new(StringComparer.Ordinal);

    /// <summary>The listed person of <paramref name="nation"/> who holds one of <paramref name="person"/>'s roles there ("son
    /// homologue américain" after Sergueï Lavrov is John Kerry), or null when the knowledge base lists none (or several).</summary>
    public ActorEntry? CounterpartOf(ActorEntry person, ActorEntry nation)
    {
        if (!_roleStems.TryGetValue(person.Id, out var stems)) return null;
        ActorEntry? found = null;
        foreach (var (id, other) in _roleStems)
        {
            if (id == person.Id || Actors.GetValueOrDefault(id) is not { } candidate || (candidate.ActsFor ?? candidate.Side) != nation.Id || !other.Overlaps(stems)) continue;
            if (found is not null) return null;
            found = candidate;
        }
        return found;
    }
    /// <summary>Folded titles of spokespeople ("porte-parole"): a spokesman's claims are the body's they speak for.</summary>
    public IReadOnlySet<string> SpokesmanTitles { get; private set; } = new HashSet<string>();
    /// <summary>Titles any official holds, folded ("le responsable américain" is the American official last named, whatever
    /// their office).</summary>
    public IReadOnlySet<string> AnyOfficeTitles { get; private set; } = new HashSet<string>();
    /// <summary>The same titles as phrases to match in an article's tokens.</summary>
    public Lexicon SpokesmanTitlePhrases { get; private set; } = new([]);
    /// <summary>Listed people whose role is to speak for a listed body (Igor Konachenkov → Ministère russe de la Défense).</summary>
    public Dictionary<string, ActorEntry> SpokesmanFor { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ActorEntry> Demonyms { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ActorEntry> Nationalities { get; } = new(StringComparer.Ordinal);
    /// <summary>A state's feminine singular nationality adjective, by state id ("pakistan" → "pakistanaise"): names the state's
    /// army or ministry when the text calls it by its bare head ("l'armée").</summary>
    public Dictionary<string, string> FeminineNationality { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ActorEntry>> GenericNouns { get; } = new(StringComparer.Ordinal);
    /// <summary>The actor a generic noun means when the article has named none before ("la coalition" → the international one).</summary>
    public Dictionary<string, ActorEntry> GenericDefaults { get; } = new(StringComparer.Ordinal);
    /// <summary>Places and actors (ids) whose mention in an article makes an actor the meaning of its generic noun when the article
    /// names none ("la coalition" in an article about Sanaa and the Houthis is the Saudi-led one, not the default).</summary>
    public Dictionary<string, HashSet<string>> Theatres { get; } = new(StringComparer.Ordinal);
    public HashSet<string> CapitalMetonyms { get; } = new(StringComparer.Ordinal);
    /// <summary>Capitals of countries.json by their folded name → the state ("ce qui a été contesté par Islamabad").</summary>
    public Dictionary<string, ActorEntry> CapitalStates { get; } = new(StringComparer.Ordinal);
    /// <summary>"la deuxième ville du pays": each country's second city, by country id (places.json).</summary>
    public Dictionary<string, PlaceEntry> SecondCities { get; } = new(StringComparer.Ordinal);
    public Lexicon Anonymous { get; }
    public Lexicon AnonymousQualifiers { get; }
    public Lexicon PersonTitles { get; }
    public HashSet<string> Honorifics { get; }
    /// <summary>Ranks and offices that name a person by a single surname after them ("le général Kartapolov").</summary>
    public HashSet<string> SurnameTitles { get; }
    public HashSet<string> PluralTitles { get; }
    public HashSet<string> NameParticles { get; }
    public HashSet<string> NotNames { get; }
    public HashSet<string> PersonPronouns { get; }
    public HashSet<string> GroupPronouns { get; }
    public HashSet<string> Demonstratives { get; }

    public PhraseIndex<PlaceEntry> Places { get; } = new();

    /// <summary>The ids of the places that are whole countries (places.json's kind "country" and every country of countries.json).</summary>
    public IReadOnlySet<string> CountryPlaces { get; }
    public PhraseIndex<PlaceEntry> ProvinceNames { get; } = new();
    public HashSet<string> ProvinceWords { get; }
    public HashSet<string> ProvinceAnaphora { get; }
    /// <summary>Folded "preposition article noun" phrases that take up the province named last ("sur la région", "dans le secteur").</summary>
    public Lexicon AreaAnaphora { get; }
    public HashSet<string> LocativePrepositions { get; }

    public PhraseIndex<VerbForm> Verbs { get; } = new();
    public HashSet<string> Auxiliaries { get; }
    public HashSet<string> ReflexiveAuxiliaries { get; }
    public HashSet<string> PassiveAuxiliaries { get; }
    public Lexicon Adverbs { get; }
    public Lexicon SourcePrepositions { get; }
    public HashSet<string> SourceForPronoun { get; }
    public Lexicon CitedBy { get; }
    public Lexicon NotSourceAfterSelon { get; }
    public Lexicon BackReferenceNouns { get; }
    public Lexicon BackReferenceLinks { get; }
    public Lexicon ClauseBoundaries { get; }

    public Lexicon ClaimNouns { get; }
    public Lexicon ClaimClauseIntroducers { get; }
    public Lexicon Unfounded { get; }
    public Lexicon Contrasts { get; }
    public Lexicon CallVerbs { get; }
    public Lexicon OppositionWords { get; }
    public Lexicon JihadistWords { get; }
    public HashSet<string> DeniedHits { get; }
    public Lexicon DiscreditingVerbs { get; }
    public HashSet<string> PresenceWords { get; }
    /// <summary>Nouns of a presence a denial verb denies ("a démenti toute présence de l'EI"; dispute-cues.json's presenceNouns).</summary>
    public HashSet<string> PresenceNouns { get; }
    /// <summary>Nouns of military action a denial negates ("aucune opération", "pas de frappes").</summary>
    public HashSet<string> DeniedActions { get; }
    /// <summary>Adverbs of a reciprocal accusation ("s'accusent mutuellement").</summary>
    public HashSet<string> Reciprocal { get; }
    /// <summary>Judgements that reject another's account of an event ("pas un accident", "peu crédible").</summary>
    public Lexicon RejectedExcuses { get; }
    /// <summary>Words excusing an act ("une erreur de navigation", "un accident"): they answer a charge that it was deliberate.</summary>
    public Lexicon Excuses { get; }
    public HashSet<string> AbsenceWords { get; }
    public HashSet<string> ImpactWords { get; }
    public HashSet<string> FallWords { get; }
    public HashSet<string> ClaimOwnStrikeVerbs { get; }
    /// <summary>Determiners that make a strike word take up one told before ("le raid", "la première frappe").</summary>
    public HashSet<string> RetellingWords { get; }
    /// <summary>Words that make a strike word tell another strike ("de nouvelles frappes", "d'autres raids").</summary>
    public HashSet<string> NewStrikeWords { get; }
    public Lexicon InquiryNouns { get; }
    /// <summary>"contrairement à ce qu'affirme X": the source named after these words is contradicted by the words before.</summary>
    public Lexicon ContrarySources { get; }
    /// <summary>Nouns of second-hand reports ("les informations selon lesquelles…", "la nouvelle sur le bombardement…"): a strike
    /// told in them is their owner's claim, never a report by whoever answers or mentions them.</summary>
    public HashSet<string> HearsayNouns { get; }
    /// <summary>Participles that open what a second-hand report says ("les informations attribuant à l'aviation russe…").</summary>
    public Lexicon HearsayOpeners { get; }
    /// <summary>Lemmas of verbs whose short object can be the judgement itself ("dénonce « une opération de communication »").</summary>
    public IReadOnlySet<string> JudgementVerbs { get; }
    /// <summary>Lemmas of judgement verbs that judge a claim with an unfounded word even when no claim noun names it ("a qualifié de « propagande »…").</summary>
    public IReadOnlySet<string> NamingVerbs { get; }
    /// <summary>Words that mark the sentence of a long quotation carrying its dispute.</summary>
    public HashSet<string> DenialSpanWords { get; }
    /// <summary>Forms of "avoir" / "il y a" after "ne" whose negation denies that something was there or was had ("n'y avait
    /// aucun civil", "n'a pas de mercenaires").</summary>
    public Lexicon HadForms { get; }
    /// <summary>Forms after "aucun X ne" that deny X was there ("aucun civil ne se trouvait", "aucun soldat n'était présent").</summary>
    public Lexicon PresenceForms { get; }
    /// <summary>Connectives that set a clause against the account told before ("Mais", "Or", "toutefois").</summary>
    public HashSet<string> Adversatives { get; }
    /// <summary>Words that restrict what happened to less than another's account ("seul un avion s'est écrasé").</summary>
    public HashSet<string> Restrictions { get; }
    /// <summary>Predicates that give another's claims an ulterior purpose ("les affirmations israéliennes visent à…").</summary>
    public Lexicon MotivePredicates { get; }
    /// <summary>Lemmas of verbs that charge someone with an act ("accuser X de…", "reprocher à X de…").</summary>
    public IReadOnlySet<string> AccusationVerbs { get; }
    /// <summary>Lemmas of verbs reporting a reaction, a wish or a condemnation rather than a fact ("condamner", "s'inquiéter").</summary>
    public IReadOnlySet<string> ReactionVerbs { get; }
    /// <summary>Lemmas of reporting verbs that answer what another said ("a répliqué", "a rétorqué"): the words are set against the
    /// claim of another camp just before that they take up.</summary>
    public IReadOnlySet<string> RetortVerbs { get; }
    /// <summary>Adverbs joining a speaker's denial to one told before ("a également démenti", "à son tour").</summary>
    public Lexicon AlsoWords { get; }
    public IReadOnlyList<string> NationalitySuffixes { get; }
    public Lexicon DocumentNouns { get; }
    public Lexicon IssuedDocuments { get; }
    /// <summary>Impersonal verbs before an inverted "on" that report a document's words ("apprend-on", "peut-on lire").</summary>
    public Lexicon ImpersonalReading { get; }

    public Dictionary<string, int> NumberUnits { get; }
    public Dictionary<string, int> NumberApproximate { get; }
    public Dictionary<string, int> Weekdays { get; }
    public Dictionary<string, int> Months { get; }
    public Dictionary<string, int> RelativeDays { get; }

    public IReadOnlyList<string> BoilerplateStarts { get; }
    public IReadOnlyList<string> BoilerplateContains { get; }
    public IReadOnlyList<string> BoilerplateEnds { get; }
    public IReadOnlyList<string> NoCommentMarkers { get; }
    public IReadOnlyList<string> CommentMarkers { get; }
    public Regex CommentTimestamp { get; }
    public IReadOnlyList<string> TeaserSections { get; }
    public HashSet<string> NavigationWords { get; }
    public IReadOnlyList<string> TitleSuffixSeparators { get; }
    public IReadOnlyList<string> OutletLines { get; }
    public IReadOnlyList<Regex> LinePrefixesToStrip { get; }
    public IReadOnlyList<string> DateLines { get; }

    public Lexicon StrikeNouns { get; }
    /// <summary>Nouns that report strikes only among words of air or missile warfare in the same sentence or the one on either
    /// side ("ses attaques contre la région d'Odessa" beside "des missiles Kalibr"): alone they may be a ground assault.</summary>
    public Lexicon ContextualStrikeNouns { get; }
    /// <summary>Words denying any part in a strike named just after them ("rien à voir avec cette attaque").</summary>
    public Lexicon InvolvementDenials { get; }

    /// <summary>Words after an aircraft or a strike word that say it is of unknown origin ("non identifiés", "inconnu").</summary>
    public Lexicon UnidentifiedWords { get; }
    /// <summary>Words opening a sentence that lists the targets of the strikes just told ("Parmi les cibles figurent…").</summary>
    public Lexicon TargetListOpeners { get; }
    /// <summary>Words right before a group that say it is not hit ("pas", "non", "plutôt que").</summary>
    public Lexicon NotTargetWords { get; }
    /// <summary>Forms of dropping ("largué", "largage"), folded, and what a drop delivers rather than strikes with ("munitions",
    /// "aide humanitaire").</summary>
    public HashSet<string> DropWords { get; }
    public Lexicon DroppedSupplies { get; }
    /// <summary>Qualifiers that make missiles air defence ("missiles antiaériens", "sol-air"): fire at aircraft, not a strike.</summary>
    public HashSet<string> AirDefenceWords { get; }
    /// <summary>"en représailles à", "une réponse à": what follows is the attack a strike answers, its motive, not a strike told.</summary>
    public Lexicon AnsweredAttackOpeners { get; }
    /// <summary>"abattu", "intercepté": a missile or drone so named was stopped in flight, not a strike told.</summary>
    public Lexicon InterceptionVerbs { get; }
    /// <summary>"le conflit de Gaza", "faire pression sur Damas": a place governed by these nouns is not where a strike fell.</summary>
    public HashSet<string> TheatreNouns { get; }
    public PhraseIndex<bool> StrikeVerbs { get; } = new();
    /// <summary>Infinitives of the one-word strike verbs ("accusé X de bombarder": an accusation reports the strike).</summary>
    public HashSet<string> StrikeInfinitives { get; } = new(StringComparer.Ordinal);
    /// <summary>Forms of verbs that report a strike only with an aerial agent in the sentence ("ses avions ont détruit").</summary>
    public HashSet<string> StrikeVerbsNeedingAgent { get; } = new(StringComparer.Ordinal);
    /// <summary>Forms of strike verbs whose passive subject is the victim ("ont été tués"), read in the active voice only.</summary>
    public HashSet<string> StrikeVerbsActiveOnly { get; } = new(StringComparer.Ordinal);
    /// <summary>Aerial agents: avions, drones, missiles, aviation…</summary>
    public HashSet<string> AerialAgents { get; private set; } = new(StringComparer.Ordinal);
    /// <summary>Place nouns a demonstrative points back with ("cette zone", "ce secteur").</summary>
    public HashSet<string> PlaceBackReferences { get; private set; } = new(StringComparer.Ordinal);
    public HashSet<string> StrikeVerbsNeedingAux { get; } = new(StringComparer.Ordinal);
    public HashSet<string> SupportVerbs { get; }
    public HashSet<string> AgentNouns { get; }
    public Lexicon TargetNouns { get; }
    public Dictionary<string, string> TargetClasses { get; }
    /// <summary>What makes a target's name say civilians (targetClasses "civilian" and civilianTargetWords) or fighters (targetClasses
    /// "jihadist" and militaryTargetWords), built once with the knowledge base for the contradiction finder's target accounts.</summary>
    public HashSet<string> CivilianTargets { get; }
    public HashSet<string> MilitaryTargets { get; }
    /// <summary>"présentées par X comme…": participles that give X's account of a strike (strikes.json presentingWords).</summary>
    public HashSet<string> PresentingWords { get; }
    public Dictionary<string, string> CountNouns { get; }
    public HashSet<string> KillWords { get; }
    /// <summary>"39 civils ont péri": deaths told without "être" whose subject is the victim (strikes.json diedWords).</summary>
    public HashSet<string> DiedWords { get; }
    public Lexicon Weapons { get; }
    public Lexicon Irrealis { get; }
    public Lexicon Campaign { get; }
    public HashSet<string> HabitualForms { get; }
    public HashSet<string> NotLocationVerbs { get; }
    public HashSet<string> TargetingWords { get; }
    public Lexicon AttributionVerbs { get; }

    // Open-class mentions (Data/open-class.json): actors and places the knowledge base does not list.
    public Lexicon InstitutionHeads { get; }
    /// <summary>Capitalised heads of an NGO named in full ("la Société médicale syro-américaine"; open-class.json organisationHeads), folded.</summary>
    public HashSet<string> OrganisationHeads { get; }
    public Lexicon InstitutionDomains { get; }
    public HashSet<string> InstitutionsActingForState { get; }
    public HashSet<string> InstitutionsStandingForState { get; }
    public HashSet<string> RegionWords { get; }
    public HashSet<string> DescriptiveDeterminers { get; }
    public Lexicon DescriptiveHeads { get; }
    public Lexicon DescriptiveQualifiers { get; }
    public Lexicon MediaHeads { get; }
    public HashSet<string> MediaLinkWords { get; }
    public Lexicon PersonDescriptionTitles { get; }
    public Lexicon PlacePrepositions { get; }
    public Lexicon PlaceNouns { get; }
    /// <summary>Words that name who leads an alliance ("sous commandement saoudien", "dirigée par Ryad"): they pick, among the
    /// actors a generic noun such as "coalition" may mean, the one on the leader's side.</summary>
    public HashSet<string> LeaderWords { get; }
    /// <summary>Adjectives between an institution's head and its nationality ("le commandement central américain").</summary>
    public HashSet<string> InstitutionQualifiers { get; }
    /// <summary>The head words of the place nouns ("région" of "région de"): with a qualifier or two before its "de" ("la région
    /// ukrainienne de Zaporiyia", "la banlieue sud de Beyrouth") or a nationality before the name ("la métropole israélienne
    /// Tel-Aviv"), the head still introduces a place.</summary>
    public HashSet<string> PlaceNounHeads { get; }
    public Dictionary<string, string> PlaceKinds { get; }
    public HashSet<string> NotPlaces { get; }
    public HashSet<string> Directions { get; }

    private KnowledgeBase(Func<string, Stream> open)
    {
        var actors = Read(open, "actors.json", DataJsonContext.Default.ActorsFile);
        var places = Read(open, "places.json", DataJsonContext.Default.PlacesFile);
        var verbs = Read(open, "reporting-verbs.json", DataJsonContext.Default.VerbsFile);
        var disputes = Read(open, "dispute-cues.json", DataJsonContext.Default.DisputeFile);
        var numbers = Read(open, "number-words.json", DataJsonContext.Default.NumbersFile);
        var boiler = Read(open, "boilerplate.json", DataJsonContext.Default.BoilerplateFile);
        var strikes = Read(open, "strikes.json", DataJsonContext.Default.StrikesFile);
        var open_ = Read(open, "open-class.json", DataJsonContext.Default.OpenClassFile);
        var countries = Read(open, "countries.json", DataJsonContext.Default.CountriesFile);

        var byId = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        foreach (var a in actors.Actors)
        {
            var entry = new ActorEntry(a.Id, a.Name, a.Kind, a.Side, a.ActsFor, a.TargetClass, (a.GenericNouns ?? []).Select(Fold.Text).ToList());
            byId[a.Id] = entry;
            ActorNames.Add(a.Name, entry, a.Kind != "armed-group" && a.Name.Any(char.IsUpper) ? true : null);
            foreach (var alias in a.Aliases ?? []) ActorNames.Add(alias, entry);
            var roles = RoleForms(a.Roles ?? [], actors.Titles.Synonyms).ToList();
            foreach (var role in roles) Roles.Add(role, entry, false);
            if (a.Kind == "person" && roles.Count > 0) _roleStems[a.Id] = roles.ToHashSet(StringComparer.Ordinal);
            foreach (var role in roles)
                if (Fold.Words(role) is { Length: > 0 } rw) (RoleTitleWords.TryGetValue(a.Id, out var set) ? set : RoleTitleWords[a.Id] = new HashSet<string>(StringComparer.Ordinal)).Add(rw[0]);
            foreach (var d in a.Demonyms ?? []) Demonyms[Fold.Text(d)] = entry;
            foreach (var n in a.Nationality ?? []) Nationalities.TryAdd(Fold.Text(n), entry);
            foreach (var n in a.Nationality ?? [])
                if (n.EndsWith('e') && !FeminineNationality.ContainsKey(entry.Id)) FeminineNationality[entry.Id] = n;
            foreach (var g in entry.GenericNouns)
            {
                if (!GenericNouns.TryGetValue(g, out var list)) GenericNouns[g] = list = [];
                list.Add(entry);
            }
            if (a.Capital is { } capital) CapitalMetonyms.Add(Fold.Text(capital));
            foreach (var g in a.DefaultFor ?? []) GenericDefaults.TryAdd(Fold.Text(g), entry);
            if (a.Theatres is { Count: > 0 } theatres) Theatres[a.Id] = theatres.ToHashSet(StringComparer.Ordinal);
        }
        Actors = byId;
        foreach (var (id, roleNames) in _roleStems.ToList())
            _roleStems[id] = roleNames.Select(r => string.Join(' ', Fold.Words(r).Where(w => !Nationalities.ContainsKey(w)))).ToHashSet(StringComparer.Ordinal);
        AnyOfficeTitles = (actors.Titles.AnyOffice ?? []).Select(Fold.Text).ToHashSet(StringComparer.Ordinal);
        // "porte-parole du ministère russe de la Défense": a listed person's spokesman role names the body whose claims they voice.
        SpokesmanTitles = (actors.Titles.Spokesman ?? []).Select(t => string.Join(' ', Fold.Words(t))).ToHashSet(StringComparer.Ordinal);
        SpokesmanTitlePhrases = new Lexicon(actors.Titles.Spokesman ?? []);
        var byWords = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        foreach (var a in actors.Actors)
            if (a.Kind is not "person")
                foreach (var n in (a.Aliases ?? []).Prepend(a.Name)) byWords.TryAdd(string.Join(' ', Fold.Words(n)), byId[a.Id]);
        foreach (var a in actors.Actors)
            foreach (var role in a.Roles ?? [])
            {
                var words = Fold.Words(role);
                var t = SpokesmanTitles.FirstOrDefault(x => string.Join(' ', words).StartsWith(x + " ", StringComparison.Ordinal));
                if (t is null) continue;
                var k = t.Split(' ').Length;
                if (k < words.Length && words[k] is "du" or "de" or "des" or "d") k++;
                if (k < words.Length && words[k] is "la" or "l" or "le" or "les") k++;
                if (byWords.TryGetValue(string.Join(' ', words[k..]), out var body)) SpokesmanFor.TryAdd(a.Id, body);
            }
        Anonymous = new Lexicon(actors.Anonymous.Heads);
        AnonymousQualifiers = new Lexicon(actors.Anonymous.Qualifiers);
        PersonTitles = new Lexicon(actors.Titles.Person);
        Honorifics = Set(actors.Titles.Honorifics.Select(h => h.TrimEnd('.')));
        SurnameTitles = Set(actors.Titles.SurnameTitles ?? []);
        PluralTitles = Set(actors.Titles.Plural);
        NameParticles = Set(actors.Titles.NameParticles);
        NotNames = Set(actors.Titles.NotNames);
        PersonPronouns = Set(actors.Pronouns.Person);
        GroupPronouns = Set(actors.Pronouns.Group);
        Demonstratives = Set(actors.Demonstratives);

        foreach (var p in places.Provinces)
        {
            var province = new PlaceEntry("province-" + p.Id, ProvinceLabel(p.Name), "province", p.Id, p.Name);
            ProvinceNames.Add(p.Name, province);
            foreach (var v in p.Variants ?? []) ProvinceNames.Add(v, province);
        }
        var provinceNames = places.Provinces.ToDictionary(p => p.Id, p => p.Name);
        var entriesById = new Dictionary<string, PlaceEntry>(StringComparer.Ordinal);
        foreach (var p in places.Places)
        {
            var province = p.Province is { } pid && provinceNames.TryGetValue(pid, out var pn) ? pn : null;
            var entry = new PlaceEntry(p.Id, p.Name, p.Kind, p.Province is null ? null : "province-" + p.Province, province);
            entriesById[p.Id] = entry;
            Places.Add(p.Name, entry);
            foreach (var v in p.Variants ?? []) Places.Add(v, entry);
        }
        AddCountries(countries, byId, entriesById);
        CountryPlaces = entriesById.Values.Where(e => e.IsCountry).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (country, city) in places.SecondCities ?? [])
            if (entriesById.TryGetValue(city, out var cityEntry)) SecondCities[country] = cityEntry;
        ProvinceWords = Set(places.ProvinceWords.Where(w => w.StartsWith("province") || w.StartsWith("gouvernorat")));
        ProvinceAnaphora = Set(places.ProvinceAnaphora);
        AreaAnaphora = new Lexicon(places.AreaAnaphora ?? []);
        LocativePrepositions = Set(places.LocativePrepositions);

        foreach (var v in verbs.Verbs) AddVerb(v);
        Auxiliaries = Set(verbs.Auxiliaries);
        ReflexiveAuxiliaries = Set(verbs.ReflexiveAuxiliaries);
        PassiveAuxiliaries = Set(verbs.PassiveAuxiliaries.Where(a => !a.Contains(' ')));
        Adverbs = new Lexicon(verbs.Adverbs);
        SourcePrepositions = new Lexicon(verbs.SourcePrepositions);
        SourceForPronoun = Set(verbs.SourceForPronoun);
        CitedBy = new Lexicon(verbs.CitedBy);
        NotSourceAfterSelon = new Lexicon(verbs.NotSourceAfterSelon);
        BackReferenceNouns = new Lexicon(verbs.BackReference.Nouns);
        BackReferenceLinks = new Lexicon(verbs.BackReference.Links);
        ClauseBoundaries = new Lexicon(verbs.ClauseBoundaries);

        ClaimNouns = new Lexicon(disputes.ClaimNouns);
        ClaimClauseIntroducers = new Lexicon(disputes.ClaimClauseIntroducers);
        Unfounded = new Lexicon(disputes.Unfounded);
        Contrasts = new Lexicon(disputes.Contrasts);
        CallVerbs = new Lexicon(disputes.CallVerbs);
        OppositionWords = new Lexicon(disputes.OppositionWords);
        JihadistWords = new Lexicon(disputes.JihadistWords);
        DeniedHits = Set(disputes.DeniedHits ?? []);
        DiscreditingVerbs = new Lexicon(disputes.DiscreditingVerbs ?? []);
        PresenceWords = Set(disputes.PresenceWords ?? []);
        PresenceNouns = Set(disputes.PresenceNouns ?? []);
        DeniedActions = Set(disputes.DeniedActions ?? []);
        Reciprocal = Set(disputes.Reciprocal ?? []);
        RejectedExcuses = new Lexicon(disputes.RejectedExcuses ?? []);
        Excuses = new Lexicon(disputes.Excuses ?? []);
        AbsenceWords = Set(disputes.AbsenceWords ?? []);
        InquiryNouns = new Lexicon(disputes.InquiryNouns ?? []);
        ContrarySources = new Lexicon(disputes.ContrarySources ?? []);
        HearsayNouns = Set(disputes.HearsayNouns ?? []);
        HearsayOpeners = new Lexicon(disputes.HearsayOpeners ?? []);
        // Lemmas as the reporting verbs write them (accents kept): compared with a cue's lemma as it stands.
        JudgementVerbs = new HashSet<string>(disputes.JudgementVerbs ?? [], StringComparer.Ordinal);
        NamingVerbs = new HashSet<string>(disputes.NamingVerbs ?? [], StringComparer.Ordinal);
        DenialSpanWords = Set(disputes.DenialSpanWords ?? []);
        HadForms = new Lexicon(disputes.HadForms ?? []);
        PresenceForms = new Lexicon(disputes.PresenceForms ?? []);
        Adversatives = Set(disputes.Adversatives ?? []);
        Restrictions = Set(disputes.Restrictions ?? []);
        MotivePredicates = new Lexicon(disputes.MotivePredicates ?? []);
        AccusationVerbs = new HashSet<string>(disputes.AccusationVerbs, StringComparer.Ordinal);
        ReactionVerbs = new HashSet<string>(disputes.ReactionVerbs ?? [], StringComparer.Ordinal);
        RetortVerbs = new HashSet<string>(disputes.RetortVerbs ?? [], StringComparer.Ordinal);
        AlsoWords = new Lexicon(disputes.AlsoWords ?? []);
        ImpactWords = Set(strikes.ImpactWords ?? []);
        FallWords = Set(strikes.FallWords ?? []);
        ClaimOwnStrikeVerbs = Set(strikes.ClaimOwnStrikeVerbs ?? []);
        RetellingWords = Set(strikes.RetellingWords ?? []);
        NewStrikeWords = Set(strikes.NewStrikeWords ?? []);
        PlaceBackReferences = Set(strikes.PlaceBackReferences ?? []);
        AerialAgents = Set(strikes.AerialAgents ?? []);
        DocumentNouns = new Lexicon(verbs.DocumentNouns ?? []);
        IssuedDocuments = new Lexicon(verbs.IssuedDocuments ?? []);
        ImpersonalReading = new Lexicon(verbs.ImpersonalReading ?? []);

        NumberUnits = Folded(numbers.Units);
        NumberApproximate = Folded(numbers.Approximate);
        Weekdays = Folded(numbers.Weekdays);
        Months = Folded(numbers.Months);
        RelativeDays = Folded(numbers.RelativeDays);

        BoilerplateStarts = boiler.LineStarts.Select(Fold.Text).ToList();
        BoilerplateContains = boiler.LineContains.Select(Fold.Text).ToList();
        BoilerplateEnds = boiler.LineEndsWith.Select(Fold.Text).ToList();
        NoCommentMarkers = boiler.NoCommentMarkers.Select(Fold.Text).ToList();
        CommentMarkers = boiler.CommentMarkers.Select(Fold.Text).ToList();
        CommentTimestamp = new Regex(boiler.CommentTimestamp, RegexOptions.Compiled | RegexOptions.CultureInvariant);
        TeaserSections = boiler.TeaserSections.Select(Fold.Text).ToList();
        NavigationWords = Set(boiler.NavigationWords);
        TitleSuffixSeparators = boiler.TitleSuffixSeparators;
        OutletLines = boiler.OutletLine.Select(Fold.Text).ToList();
        LinePrefixesToStrip = boiler.LinePrefixesToStrip.Select(p => new Regex(p, RegexOptions.Compiled | RegexOptions.CultureInvariant)).ToList();
        DateLines = boiler.DateLines.Select(Fold.Text).ToList();

        StrikeNouns = new Lexicon(strikes.TriggerNouns);
        ContextualStrikeNouns = new Lexicon(strikes.ContextualNouns ?? []);
        InvolvementDenials = new Lexicon(strikes.InvolvementDenials ?? []);
        UnidentifiedWords = new Lexicon(strikes.UnidentifiedWords ?? []);
        TargetListOpeners = new Lexicon(strikes.TargetListOpeners ?? []);
        NotTargetWords = new Lexicon(strikes.NotTargetWords ?? []);
        DropWords = Set(strikes.DropWords ?? []);
        DroppedSupplies = new Lexicon(strikes.DroppedSupplies ?? []);
        AirDefenceWords = Set(strikes.AirDefenceWords ?? []);
        AnsweredAttackOpeners = new Lexicon(strikes.AnsweredAttackOpeners ?? []);
        InterceptionVerbs = new Lexicon(strikes.InterceptionVerbs ?? []);
        TheatreNouns = Set(strikes.TheatreNouns ?? []);
        foreach (var v in strikes.TriggerVerbs)
        {
            // An active-only verb reports a strike as a finite verb with its aerial subject ("un drone a tué"), never as an
            // infinitive ("accusé de tuer des civils" says nothing of the weapon).
            if (!v.Lemma.Contains(' ') && !v.ActiveOnly) StrikeInfinitives.Add(Fold.Text(v.Lemma));
            foreach (var f in v.Forms)
            {
                StrikeVerbs.Add(f, true, false);
                if (v.NeedsAuxiliary) StrikeVerbsNeedingAux.Add(Fold.Text(f));
                if (v.NeedsAerialAgent) StrikeVerbsNeedingAgent.Add(Fold.Text(f));
                if (v.ActiveOnly) StrikeVerbsActiveOnly.Add(Fold.Text(f));
            }
        }
        SupportVerbs = Set(strikes.SupportVerbs);
        AgentNouns = Set(strikes.AgentNouns);
        TargetNouns = new Lexicon(strikes.TargetNouns);
        PresentingWords = Set(strikes.PresentingWords ?? []);
        TargetClasses = strikes.TargetClasses.GroupBy(kv => Fold.Text(kv.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        CivilianTargets = TargetClasses.Where(kv => kv.Value == "civilian").Select(kv => kv.Key).Concat(Set(strikes.CivilianTargetWords ?? [])).ToHashSet(StringComparer.Ordinal);
        MilitaryTargets = TargetClasses.Where(kv => kv.Value == "jihadist").Select(kv => kv.Key).Concat(Set(strikes.MilitaryTargetWords ?? [])).ToHashSet(StringComparer.Ordinal);
        CountNouns = strikes.CountNouns.GroupBy(kv => Fold.Text(kv.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
        KillWords = Set(strikes.KillWords);
        DiedWords = Set(strikes.DiedWords ?? []);
        Weapons = new Lexicon(strikes.Weapons);
        Irrealis = new Lexicon(strikes.Irrealis);
        Campaign = new Lexicon(strikes.Campaign);
        HabitualForms = Set(strikes.HabitualForms);
        NotLocationVerbs = Set(strikes.NotLocationVerbs);
        TargetingWords = Set(strikes.TargetingVerbs);
        AttributionVerbs = new Lexicon(strikes.AttributionVerbs ?? []);

        InstitutionHeads = new Lexicon(open_.Institutions.Heads);
        OrganisationHeads = Set(open_.Institutions.OrganisationHeads ?? []);
        InstitutionDomains = new Lexicon(open_.Institutions.Domains);
        InstitutionsActingForState = Set(open_.Institutions.HeadsActingForState);
        InstitutionsStandingForState = Set(open_.Institutions.HeadsStandingForState);
        RegionWords = Set(open_.Institutions.RegionWords);
        LeaderWords = Set(open_.Institutions.LeaderWords ?? []);
        InstitutionQualifiers = Set(open_.Institutions.HeadQualifiers ?? []);
        NationalitySuffixes = (open_.Institutions.NationalitySuffixes ?? []).Select(Fold.Text).ToList();
        DescriptiveDeterminers = Set(open_.DescriptiveSources.Determiners.Select(d => d.TrimEnd('\'', '’')));
        DescriptiveHeads = new Lexicon(open_.DescriptiveSources.Heads);
        DescriptiveQualifiers = new Lexicon(open_.DescriptiveSources.Qualifiers);
        MediaHeads = new Lexicon(open_.Media.Heads);
        MediaLinkWords = Set(open_.Media.LinkWords.Select(d => d.TrimEnd('\'', '’')));
        PersonDescriptionTitles = new Lexicon(open_.PersonDescriptions.Titles);
        PlacePrepositions = new Lexicon(open_.PlaceIntroducers.Prepositions);
        PlaceNouns = new Lexicon(open_.PlaceIntroducers.Nouns);
        PlaceNounHeads = open_.PlaceIntroducers.Nouns.Select(n => Fold.Text(n).Split(' ', '\'')[0]).Where(h => h.Length > 3).ToHashSet(StringComparer.Ordinal);
        NotPlaces = Set(open_.PlaceIntroducers.NotPlaces);
        Directions = Set(open_.PlaceIntroducers.Directions);
        PlaceKinds = open_.PlaceIntroducers.PlaceKinds.ToDictionary(kv => Fold.Text(kv.Key), kv => kv.Value, StringComparer.Ordinal);
    }

    /// <summary>Countries.json: every country the knowledge base does not list becomes a state actor and a country place (id the slug
    /// of its name), and every country gets its nationality adjective in all four forms ("l'armée birmane", "les forces
    /// nigérianes" → the state). Entries of actors.json and places.json are kept as they are; only missing forms are added.</summary>
    private void AddCountries(CountriesFile countries, Dictionary<string, ActorEntry> byId, Dictionary<string, PlaceEntry> places)
    {
        foreach (var c in countries.Countries)
        {
            var id = Fold.Slug(c.Name);
            if (!byId.TryGetValue(id, out var state))
            {
                state = new ActorEntry(id, c.Name, "state", id, null, null, []);
                byId[id] = state;
                ActorNames.Add(c.Name, state, true);
                // A proper name needs its capital; a descriptive alias ("gouvernement taliban") is written in lower case.
                foreach (var alias in c.Aliases ?? []) ActorNames.Add(alias, state);
            }
            if (!places.ContainsKey(id) && Places.Match(Tokenizer.Tokenize(c.Name, 0, c.Name.Length), 0, int.MaxValue, out _) == 0)
            {
                var place = new PlaceEntry(id, c.Name, "country", null, null);
                places[id] = place;
                Places.Add(c.Name, place);
                // Only the country's other proper names are places, not its government's ("gouvernement taliban").
                foreach (var alias in c.Aliases ?? []) if (alias.Any(char.IsUpper)) Places.Add(alias, place);
            }
            if (c.Capital is { Length: > 0 } capital) CapitalStates.TryAdd(Fold.Text(capital), state);
            var nationalityForms = NationalityForms(c.Adjective, c.Forms).ToList();
            foreach (var form in nationalityForms)
                if (!form.Contains(' ') && !form.Contains('-')) Nationalities.TryAdd(Fold.Text(form), state);
            if (nationalityForms.FirstOrDefault(f => f.EndsWith('e')) is { } feminineForm) FeminineNationality.TryAdd(state.Id, feminineForm);
            if (c.Adjective is { Length: > 0 } adj && !adj.Contains('-')) Demonyms.TryAdd(Fold.Text(MasculinePlural(adj)), state);
        }
    }

    /// <summary>The four forms of a nationality adjective from its masculine singular: -ien/-éen double the n ("indienne"), -s/-x keep
    /// the plural ("pakistanais"), -e keeps the feminine ("yéménite"); otherwise +e, +s, +es ("birmane", "nigérians").</summary>
    private static IEnumerable<string> NationalityForms(string? adjective, List<string>? extra)
    {
        if (adjective is { Length: > 0 } m)
        {
            yield return m;
            yield return MasculinePlural(m);
            // The feminine: "-e" and "-é" adjectives have none of their own; "-ien"/"-éen" double the n.
            var feminine = m.EndsWith('e') || m.EndsWith('è') || m.EndsWith('é') ? null : m.EndsWith("ien") || m.EndsWith("éen") ? m + "n" : m;
            if (feminine is not null) { yield return feminine + "e"; yield return feminine + "es"; }
        }
        foreach (var f in extra ?? []) yield return f;
    }

    /// <summary>"afghan" → "afghans", "pakistanais" → "pakistanais": the people of a country ("les Afghans").</summary>
    private static string MasculinePlural(string adjective) => adjective.EndsWith('s') || adjective.EndsWith('x') ? adjective : adjective + "s";

    private static string ProvinceLabel(string name) =>
        "province " + ("aeiouyéèêàâîïôûAEIOUYÉÈÊÀÂÎÏÔÛ".Contains(name[0]) ? "d'" : "de ") + name;

    private void AddVerb(VerbData v)
    {
        var verb = new ReportingVerb(v.Lemma, v.Complement ?? "que", v.Dispute, v.NeedsQue, v.NeedsQuote, v.Reflexive) { Irrealis = v.Irrealis };
        var lemma = v.Lemma.StartsWith("se ") ? v.Lemma[3..] : v.Lemma.StartsWith("s'") ? v.Lemma[2..] : v.Lemma; // "s'étonner": forms of "étonner"
        var forms = new Dictionary<string, VerbForm>(StringComparer.Ordinal);
        void Put(string form, VerbFormKind kind)
        {
            var key = Fold.Text(form);
            if (forms.TryGetValue(key, out var existing))
            {
                // "dit" is both "il dit" and "a dit": keep the participle reading and remember the finite one.
                if (existing.Kind != kind && (existing.Kind == VerbFormKind.Participle || kind == VerbFormKind.Participle))
                    forms[key] = new VerbForm(verb, VerbFormKind.Participle, true);
                return;
            }
            forms[key] = new VerbForm(verb, kind);
        }
        if (v.Class == "er")
        {
            var stem = lemma[..^2];
            foreach (var f in v.Forms ?? []) Put(f, Classify(f, v));
            foreach (var s in new[] { "e", "ent", "ait", "aient", "a", "èrent" }) Put(stem + s, VerbFormKind.Finite);
            foreach (var s in new[] { "é", "ée", "és", "ées" }) Put(stem + s, VerbFormKind.Participle);
            Put(stem + "ant", VerbFormKind.PresentParticiple);
            Put(lemma, VerbFormKind.Infinitive);
        }
        else
        {
            foreach (var f in v.Forms ?? []) Put(f, Classify(f, v));
            if (v.Participle is { } participle)
            {
                Put(participle, VerbFormKind.Participle);
                // A verb in -ire has its past participle in -it and the same present third person ("« … », dit-il", "écrit X",
                // "X dit que…"): the form is read both ways.
                if (v.Lemma.EndsWith("ire", StringComparison.Ordinal) && participle.EndsWith("it", StringComparison.Ordinal) && !participle.Contains(' '))
                    forms[Fold.Text(participle)] = new VerbForm(verb, VerbFormKind.Participle, true);
                // Agreement: "démentie", "démentis", "écrite", "mis en doute" → "mise en doute" (the first word agrees).
                var words = participle.Split(' ', 2);
                var rest = words.Length > 1 ? " " + words[1] : "";
                if (!words[0].EndsWith('s')) foreach (var ending in new[] { "e", "s", "es" }) Put(words[0] + ending + rest, VerbFormKind.Participle);
                else Put(words[0] + "e" + rest, VerbFormKind.Participle);
            }
            if (v.Infinitive is { } infinitive) Put(infinitive, VerbFormKind.Infinitive);
        }
        foreach (var (form, value) in forms) Verbs.Add(form, value, false);
    }

    // A phrase's verb is its first word ("pointent la responsabilité" is finite whatever its last word ends with).
    private static VerbFormKind Classify(string f, VerbData v) =>
        f.EndsWith("ant") || f.Contains("ant ") ? VerbFormKind.PresentParticiple
        : f == v.Participle || f.Split(' ')[0] is var w && (w.EndsWith('é') || w.EndsWith("ée") || w.EndsWith("és") || w.EndsWith("ées")) ? VerbFormKind.Participle
        : VerbFormKind.Finite;

    public static KnowledgeBase LoadEmbedded()
    {
        var assembly = typeof(KnowledgeBase).Assembly;
        return new KnowledgeBase(name =>
        {
            var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith("Data." + name, StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"embedded data file '{name}' is missing from {assembly.GetName().Name}");
            return assembly.GetManifestResourceStream(resource)!;
        });
    }

    /// <summary>Loads the data files from a folder instead (an analyst trying edits without rebuilding).</summary>
    public static KnowledgeBase LoadFrom(string folder) => new(name => File.OpenRead(Path.Combine(folder, name)));

    private static T Read<T>(Func<string, Stream> open, string name, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> info)
    {
        using var stream = open(name);
        try
        {
            return JsonSerializer.Deserialize(stream, info) ?? throw new InvalidDataException($"data file {name} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"data file {name} is not valid: {e.Message}", e);
        }
    }

    /// <summary>An actor's roles as listed, and each again with its title word replaced by every synonym the titles give it
    /// ("chef du Pentagone" also as "patron du Pentagone").</summary>
    private static IEnumerable<string> RoleForms(IEnumerable<string> roles, IReadOnlyDictionary<string, List<string>>? synonyms)
    {
        foreach (var role in roles)
        {
            yield return role;
            var space = role.IndexOf(' ');
            if (space > 0 && synonyms is not null && synonyms.TryGetValue(role[..space], out var others))
                foreach (var other in others) yield return other + role[space..];
        }
    }

    private static HashSet<string> Set(IEnumerable<string> words) => new(words.Select(Fold.Text), StringComparer.Ordinal);
    private static Dictionary<string, int> Folded(Dictionary<string, int> d) => d.GroupBy(kv => Fold.Text(kv.Key), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);

    public ActorEntry? Actor(string id) => Actors.TryGetValue(id, out var a) ? a : null;
}

/// <summary>A set of words or multi-word phrases, matched on folded tokens.</summary>
public sealed class Lexicon
{
    private readonly PhraseIndex<string> _index = new();
    public Lexicon(IEnumerable<string> phrases)
    {
        foreach (var p in phrases) _index.Add(p, Fold.Text(p), false);
    }

    public int Match(IReadOnlyList<Token> tokens, int i, int end) => _index.Match(tokens, i, end, out _);
    public int Match(IReadOnlyList<Token> tokens, int i, int end, out string phrase) => _index.Match(tokens, i, end, out phrase);
    public bool Contains(string word) => _index.Contains(word);
}
