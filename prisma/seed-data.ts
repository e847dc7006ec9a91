// Seed content for Nida: the first five campaigns, built from five public statements on the
// attacks on civilians in northwest Syria.
//
// Campaign text is written in Nida's own words. Each demand's `sourceQuote` is a short quote copied
// verbatim from its statement (curly apostrophes included); quotes in `bodyEn` are likewise verbatim.
// Arabic text is written for sense, not translated word for word. Contact details inside the
// statements are never used: decision-makers are reachable only at reserved example.org addresses
// until an organiser enters verified contacts.
//
// Each statement's full text, as published, is in prisma/seed-statements/<slug>.txt: the
// statement's own text, without the web page around it (menus, comment forms). The press contacts
// some of them end with are the authors', kept as published and never written to: Nida mails only
// decision-makers, at the addresses below.
//
// Plain data only: no Prisma import. The seed script maps these records onto the schema.

type DemandKind =
  | "CEASEFIRE"
  | "HUMANITARIAN_ACCESS"
  | "ICC_REFERRAL"
  | "PROTECTION_OF_CIVILIANS"
  | "ACCOUNTABILITY"
  | "POLITICAL_TRANSITION"
  | "SAFE_RETURN"
  | "OTHER";

type SeedLocale = "en" | "ar";

export type SeedOrganisation = {
  slug: string;
  name: string;
  nameAr: string;
  description: string;
  descriptionAr: string;
  website?: string;
  contactEmail?: string;
  senderName?: string;
};

// Websites and contact addresses stay on reserved example domains until an owner enters the
// organisation's verified ones: a seeded install never points anyone at a real mailbox.
const reserved = (slug: string) => ({ website: `https://${slug}.example.org`, contactEmail: `contact@${slug}.example.org` });

export type SeedStatement = {
  slug: string;
  /** The organisation the statement is published by, when there is one. */
  authorOrganisationSlug?: string;
  /** The byline as the statement gives it. */
  authorName: string;
  title: string;
  titleAr: string;
  /** YYYY-MM-DD; read together with datePrecision. */
  publishedOn: string;
  datePrecision: "day" | "month" | "year";
  language: SeedLocale;
  summaryEn: string;
  summaryAr: string;
  /** Everyone the statement is by, in its byline's order; authorName is their English names joined. */
  authors: { name: string; nameAr: string }[];
  /** The statement as published, in prisma/seed-statements/. */
  fullTextFile: string;
  url?: string;
};

type SeedDemand = {
  kind: DemandKind;
  textEn: string;
  textAr: string;
  /** Verbatim from the campaign's source statement, in the statement's language. */
  sourceQuote: string;
};

export type SeedDecisionMaker = {
  key: string;
  name: string;
  title: string;
  institution: string;
  /** ISO 3166-1 alpha-2, or "UN" / "INT" for international bodies. */
  country: string;
  /** Reserved example.org address only. */
  email: string;
  contactUrl?: string;
  preferredLocale: SeedLocale;
  /** Writing to them may put signers at risk: never preselected, sent only after a warning. */
  riskToSigners?: boolean;
};

export type SeedCampaign = {
  slug: string;
  statementSlug: string;
  /** Organisation slugs; the first is the lead. */
  ownerSlugs: string[];
  /** Ascending goal ladder. */
  goals: number[];
  titleEn: string;
  titleAr: string;
  summaryEn: string;
  summaryAr: string;
  /** Markdown. */
  bodyEn: string;
  /** Markdown. */
  bodyAr: string;
  demands: SeedDemand[];
  /** Decision-maker keys. */
  targetKeys: string[];
};

const md = (...paragraphs: string[]): string => paragraphs.join("\n\n");

// ---------------------------------------------------------------- organisations

export const organisations: SeedOrganisation[] = [
  {
    slug: "syrian-womens-political-movement",
    name: "Syrian Women’s Political Movement",
    nameAr: "الحركة السياسية النسوية السورية",
    description:
      "A movement of Syrian women working for a democratic, pluralistic Syria built on equal citizenship, and for women’s full part in the political process and in any settlement.",
    descriptionAr:
      "حركة نسوية سورية تعمل من أجل سوريا ديمقراطية تعددية تقوم على المواطنة المتساوية، ومن أجل مشاركة النساء الكاملة في العملية السياسية وفي أي تسوية.",
    ...reserved("syrian-womens-political-movement"),
  },
  {
    slug: "c4ssa",
    name: "Citizens for a Secure and Safe America",
    nameAr: "مواطنون من أجل أمريكا آمنة ومأمونة",
    description:
      "An organisation of Syrian-American citizens that presses the United States government for the protection of civilians in Syria and for accountability.",
    descriptionAr:
      "منظمة من المواطنين الأمريكيين السوريين تحثّ الحكومة الأمريكية على حماية المدنيين في سوريا وعلى المحاسبة.",
    ...reserved("c4ssa"),
  },
  {
    slug: "setf",
    name: "Syrian Emergency Task Force",
    nameAr: "المنظمة السورية للطوارئ",
    description:
      "A non-profit based in Washington that supports Syrian survivors and campaigns for justice and accountability for the crimes committed against them.",
    descriptionAr:
      "منظمة غير ربحية مقرّها واشنطن تدعم الناجين السوريين وتعمل من أجل العدالة ومحاسبة مرتكبي الجرائم بحقّهم.",
    ...reserved("setf"),
  },
  {
    slug: "syrian-civil-defence",
    name: "Syrian Civil Defence (White Helmets)",
    nameAr: "الدفاع المدني السوري (الخوذ البيضاء)",
    description:
      "Volunteer rescue workers who search for survivors after attacks in Syria, give first aid, and restore the services civilians depend on.",
    descriptionAr:
      "متطوّعو إنقاذ يبحثون عن الناجين بعد الهجمات في سوريا، ويقدّمون الإسعافات الأولية، ويعيدون الخدمات التي يعتمد عليها المدنيون.",
    ...reserved("syrian-civil-defence"),
    senderName: "Syrian Civil Defence via Nida",
  },
  {
    slug: "syrian-british-consortium",
    name: "Syrian British Consortium",
    nameAr: "التجمع السوري البريطاني",
    description:
      "A UK-based coalition of Syrian and British organisations and people campaigning for the protection of civilians and a just peace in Syria.",
    descriptionAr:
      "تحالف مقرّه المملكة المتحدة يضمّ منظمات وأفرادًا سوريين وبريطانيين، ويعمل من أجل حماية المدنيين وسلام عادل في سوريا.",
    ...reserved("syrian-british-consortium"),
  },
  {
    slug: "snhr",
    name: "Syrian Network for Human Rights",
    nameAr: "الشبكة السورية لحقوق الإنسان",
    description:
      "An independent human rights organisation that documents violations against civilians in Syria and publishes regular reports on them.",
    descriptionAr:
      "منظمة حقوقية مستقلة توثّق الانتهاكات بحقّ المدنيين في سوريا وتنشر تقارير دورية عنها.",
    ...reserved("snhr"),
  },
];

// ---------------------------------------------------------------- source statements

export const statements: SeedStatement[] = [
  {
    slug: "swpm-escalation-northwest-syria-2023",
    authorOrganisationSlug: "syrian-womens-political-movement",
    authorName: "The General Secretariat of the Syrian Women’s Political Movement",
    title:
      "The Syrian Women’s Political Movement condemns the escalation in northwest Syria and calls for an end to violence and the protection of civilians",
    titleAr:
      "الحركة السياسية النسوية السورية تدين التصعيد في شمال غرب سوريا وتطالب بوقف العنف وحماية المدنيين",
    publishedOn: "2023-10-25",
    datePrecision: "day",
    authors: [{ name: "The General Secretariat of the Syrian Women’s Political Movement", nameAr: "الأمانة العامة للحركة السياسية النسوية السورية" }],
    fullTextFile: "swpm-escalation-northwest-syria-2023.txt",
    language: "en",
    summaryEn:
      "The General Secretariat of the Syrian Women’s Political Movement condemns the escalation of attacks on northwest Syria by the Syrian regime and its Russian ally since 5 October 2023, including the use of internationally prohibited munitions such as cluster munitions. Citing the Syria Response Coordinators, it reports more than 60 civilians killed, a third of them children, more than 285 injured, and over 88 civilian facilities hit, among them schools, medical facilities, Civil Defence centres, mosques and displacement camps. It describes the bombardment as a violation of Security Council resolutions 2139 and 2254 and of international humanitarian law. It calls on the international community to press the regime and its allies to stop attacks across Syria, to accelerate a political transition under Resolution 2254, and to enable displaced Syrians to return home safely.",
    summaryAr:
      "تدين الأمانة العامة للحركة السياسية النسوية السورية تصعيد الهجمات التي يشنّها النظام السوري وحليفه الروسي على شمال غرب سوريا منذ 5 تشرين الأول/أكتوبر 2023، والتي استُخدمت فيها ذخائر محرّمة دولياً، منها الذخائر العنقودية. واستناداً إلى توثيق فريق منسقو استجابة سوريا، يشير البيان إلى مقتل أكثر من 60 مدنياً ثلثهم من الأطفال، وإصابة أكثر من 285 شخصاً، واستهداف أكثر من 88 منشأة مدنية حيوية، بينها مدارس ومنشآت طبية ومراكز للدفاع المدني ومساجد ومخيمات للمهجّرين قسراً. ويعدّ البيان هذا القصف انتهاكاً صريحاً لقراري مجلس الأمن 2139 و2254 ولقواعد القانون الدولي الإنساني. ويدعو المجتمع الدولي إلى الضغط على النظام وحلفائه لوقف الاعتداءات في جميع المناطق السورية، وتسريع الانتقال السياسي وفق القرار 2254، بما يتيح للنازحين العودة الآمنة إلى بيوتهم.",
  },
  {
    slug: "c4ssa-setf-joint-statement-2023",
    authorOrganisationSlug: "c4ssa",
    authorName:
      "Citizens for a Secure and Safe America (C4SSA) and Syrian Emergency Task Force (SETF)",
    title:
      "URGENT JOINT STATEMENT: C4SSA and SETF Call for Hostilities Cessation by the Assad Regime and Russia in Northwest Syria",
    titleAr:
      "بيان مشترك عاجل: C4SSA والمنظمة السورية للطوارئ تدعوان نظام الأسد وروسيا إلى وقف الأعمال العدائية في شمال غرب سوريا",
    publishedOn: "2023-10-10",
    datePrecision: "day",
    authors: [
      { name: "Citizens for a Secure and Safe America (C4SSA)", nameAr: "مواطنون من أجل أمريكا آمنة ومأمونة (C4SSA)" },
      { name: "Syrian Emergency Task Force (SETF)", nameAr: "المنظمة السورية للطوارئ (SETF)" },
    ],
    fullTextFile: "c4ssa-setf-joint-statement-2023.txt",
    language: "en",
    summaryEn:
      "In a joint statement issued in Washington D.C. on 10 October 2023, Citizens for a Secure and Safe America (C4SSA) and the Syrian Emergency Task Force (SETF) condemn the offensive that the Assad regime and Russia launched on northwest Syria on 5 October 2023. They report that at least 46 civilians were killed and hundreds wounded, that over 1,100 locations in Idlib and western Aleppo were shelled in five days, including with banned phosphorus, cluster and incendiary munitions, and that at least 20,000 civilians were displaced. They call for an immediate ceasefire, the protection of civilians under international humanitarian law, and unfettered humanitarian access. They also ask the United Nations and the international community to intensify diplomacy toward a lasting resolution in which those responsible are held accountable.",
    summaryAr:
      "في بيان مشترك صدر في واشنطن في 10 تشرين الأول/أكتوبر 2023، أدانت منظمتا «مواطنون من أجل أمريكا آمنة ومأمونة» (C4SSA) و«المنظمة السورية للطوارئ» (SETF) الحملة العسكرية التي بدأها نظام الأسد وروسيا على شمال غرب سوريا في 5 تشرين الأول/أكتوبر 2023. وبحسب البيان، قُتل ما لا يقل عن 46 مدنياً وأصيب المئات، وتعرّض أكثر من 1100 موقع في إدلب وريف حلب الغربي للقصف خلال خمسة أيام، بما في ذلك بذخائر فوسفورية وعنقودية وحارقة محظورة دولياً، ونزح ما لا يقل عن 20 ألف مدني. وتطالب المنظمتان بوقف فوري لإطلاق النار، وحماية المدنيين وفق القانون الدولي الإنساني، وضمان وصول المساعدات الإنسانية دون عوائق. كما تدعوان الأمم المتحدة والمجتمع الدولي إلى تكثيف الجهود الدبلوماسية للتوصل إلى حل دائم يُحاسَب فيه المسؤولون عن الجرائم.",
  },
  {
    slug: "white-helmets-escalation-statement-2023",
    authorOrganisationSlug: "syrian-civil-defence",
    authorName: "White Helmets (Syrian Civil Defence)",
    title:
      "White Helmets Statement on the Assad Regime’s Escalation of Attacks on Civilians in Northwestern Syria",
    titleAr: "بيان الخوذ البيضاء بشأن تصعيد نظام الأسد هجماته على المدنيين في شمال غرب سوريا",
    publishedOn: "2023-10-01",
    datePrecision: "month",
    authors: [{ name: "White Helmets (Syrian Civil Defence)", nameAr: "الخوذ البيضاء (الدفاع المدني السوري)" }],
    fullTextFile: "white-helmets-escalation-statement-2023.txt",
    language: "en",
    summaryEn:
      "The Syrian Civil Defence (White Helmets) describes a grave escalation of artillery and missile attacks by the Assad regime on northwest Syria, beginning on 5 October 2023. According to the statement, that day’s attacks hit markets, residential areas, four schools, a mosque, a Civil Defence centre, an electricity facility and a fuel station, killing 13 civilians, including 3 women and 2 children, and injuring 62, including 18 children and 13 women. The White Helmets call the attacks a flagrant violation of international humanitarian law, which prohibits targeting civilians and civilian infrastructure. They urge the international community to end the attacks, hold the regime accountable and bring those responsible to justice, and ensure the safety of civilians.",
    summaryAr:
      "يصف الدفاع المدني السوري (الخوذ البيضاء) تصعيداً خطيراً في الهجمات المدفعية والصاروخية التي شنّها نظام الأسد على شمال غرب سوريا ابتداءً من 5 تشرين الأول/أكتوبر 2023. وبحسب البيان، طالت هجمات ذلك اليوم أسواقاً وأحياء سكنية وأربع مدارس ومسجداً ومركزاً للدفاع المدني، إضافة إلى منشأة كهرباء ومحطة وقود، ما أسفر عن مقتل 13 مدنياً بينهم 3 نساء وطفلان، وإصابة 62 آخرين بينهم 18 طفلاً و13 امرأة. ويعدّ البيان هذه الهجمات انتهاكاً صارخاً للقانون الدولي الإنساني الذي يحظر استهداف المدنيين والبنى التحتية المدنية. ويطالب المجتمع الدولي بوضع حد لهذه الهجمات، ومحاسبة النظام وتقديم المسؤولين إلى العدالة، وضمان سلامة المدنيين.",
  },
  {
    slug: "sbc-idlib-urgent-actions-2020",
    authorOrganisationSlug: "syrian-british-consortium",
    authorName: "SBC (Syrian British Consortium)",
    title: "Urgent actions needed to stop the massacre in Idlib",
    titleAr: "إجراءات عاجلة مطلوبة لوقف المجزرة في إدلب",
    publishedOn: "2020-01-01",
    datePrecision: "year",
    authors: [{ name: "SBC (Syrian British Consortium)", nameAr: "التجمع السوري البريطاني (SBC)" }],
    fullTextFile: "sbc-idlib-urgent-actions-2020.txt",
    language: "en",
    summaryEn:
      "Published in early 2020, this statement by the Syrian British Consortium (SBC) describes the military campaign that the Syrian regime and its allies had waged on northwest Syria since December 2019, in which they took large towns including Maarat al-Numan and Saraqib and the M5 highway. According to SBC, the campaign had caused more than 2,500 casualties and many more injuries and had forcibly displaced about 600,000 people, while the nearly 3.5 million residents of the northwest feared being killed, detained or tortured. SBC warned that the Turkish–Russian de-escalation agreements were falling apart and called for international parties to monitor them. It urged the British Government, its allies and the international community to protect civilians in Idlib and to explore all options for doing so.",
    summaryAr:
      "يتناول هذا البيان، الصادر مطلع عام 2020 عن التجمع السوري البريطاني (SBC)، الحملة العسكرية التي يشنّها النظام السوري وحلفاؤه على شمال غرب سوريا منذ كانون الأول/ديسمبر 2019، والتي سيطروا خلالها على مدن وبلدات كبيرة منها معرة النعمان وسراقب، وعلى الطريق الدولي M5. وبحسب البيان، خلّفت الحملة أكثر من 2500 ضحية وأعداداً أكبر بكثير من الجرحى، وهجّرت قسراً نحو 600 ألف شخص، فيما يخشى قرابة 3.5 مليون من سكان شمال غرب سوريا القتل أو الاعتقال أو التعذيب. ويحذّر البيان من انهيار اتفاقات خفض التصعيد التركية الروسية، ويدعو إلى رقابة دولية عليها. ويحثّ الحكومة البريطانية وحلفاءها والمجتمع الدولي على التحرك لحماية المدنيين في إدلب ودراسة جميع الخيارات المتاحة لتحقيق ذلك.",
  },
  {
    // The byline is Muhammad Najem's; the findings and demands are those of the SNHR report he
    // summarises, so the statement is not attributed to SNHR as its author organisation.
    slug: "najem-snhr-report-northwest-syria-2023",
    authorName: "Muhammad Najem",
    title: "Crimes Humanity Violated in Unlawful NW Syria Attacks",
    titleAr: "انتهاكات ترقى إلى جرائم ضد الإنسانية في هجمات غير مشروعة على شمال غرب سوريا",
    publishedOn: "2023-10-01",
    datePrecision: "month",
    authors: [{ name: "Muhammad Najem", nameAr: "محمد نجم" }],
    fullTextFile: "najem-snhr-report-northwest-syria-2023.txt",
    language: "en",
    summaryEn:
      "Writing in October 2023, Muhammad Najem summarises a report by the Syrian Network for Human Rights (SNHR) on attacks by Syrian and Russian forces on northwest Syria between 5 and 12 October 2023. According to the report, about 45 civilians, including 13 children, were killed and 51 vital civilian facilities were attacked, among them schools, medical facilities, rescue centres, mosques and camps for displaced people, with cluster and incendiary munitions used. The report concludes that the attacks violate Security Council resolutions 2139 and 2254 and constitute crimes against humanity and war crimes. It urges the Security Council to adopt a resolution for an immediate ceasefire in Idlib and to refer Syria to the International Criminal Court, and calls on the General Assembly to hold the Syrian and Russian governments accountable and to prevent Russia from using its permanent seat to evade justice.",
    summaryAr:
      "في مقال نُشر في تشرين الأول/أكتوبر 2023، يعرض محمد نجم تقريراً للشبكة السورية لحقوق الإنسان عن هجمات قوات الحلف السوري الروسي على شمال غرب سوريا بين 5 و12 تشرين الأول/أكتوبر 2023. وبحسب التقرير، قُتل نحو 45 مدنياً بينهم 13 طفلاً، واستُهدفت 51 منشأة مدنية حيوية، منها مدارس ومنشآت طبية ومراكز إنقاذ ومساجد ومخيمات للنازحين، مع استخدام ذخائر عنقودية وحارقة. ويخلص التقرير إلى أن هذه الهجمات تنتهك قراري مجلس الأمن 2139 و2254 وترقى إلى جرائم ضد الإنسانية وجرائم حرب. ويطالب مجلس الأمن بإصدار قرار يفرض وقفاً فورياً لإطلاق النار في إدلب وبإحالة الملف السوري إلى المحكمة الجنائية الدولية، ويدعو الجمعية العامة للأمم المتحدة إلى محاسبة النظامين السوري والروسي ومنع روسيا من استغلال مقعدها الدائم في مجلس الأمن للإفلات من العدالة.",
  },
];

// ---------------------------------------------------------------- decision-makers

export const decisionMakers: SeedDecisionMaker[] = [
  {
    key: "un-security-council",
    name: "President of the Security Council",
    title: "President of the Security Council (rotating monthly)",
    institution: "United Nations Security Council",
    country: "UN",
    email: "un-security-council@example.org",
    preferredLocale: "en",
  },
  {
    key: "un-general-assembly",
    name: "President of the General Assembly",
    title: "President of the United Nations General Assembly",
    institution: "United Nations General Assembly",
    country: "UN",
    email: "un-general-assembly@example.org",
    preferredLocale: "en",
  },
  {
    key: "un-secretary-general",
    name: "Secretary-General of the United Nations",
    title: "Secretary-General",
    institution: "United Nations",
    country: "UN",
    email: "un-secretary-general@example.org",
    preferredLocale: "en",
  },
  {
    key: "icc-prosecutor",
    name: "Prosecutor of the International Criminal Court",
    title: "Prosecutor",
    institution: "International Criminal Court, Office of the Prosecutor",
    country: "INT",
    email: "icc-office-of-the-prosecutor@example.org",
    preferredLocale: "en",
  },
  {
    key: "gb-foreign-secretary",
    name: "Foreign Secretary",
    title: "Secretary of State for Foreign, Commonwealth and Development Affairs",
    institution: "Foreign, Commonwealth & Development Office",
    country: "GB",
    email: "uk-foreign-secretary@example.org",
    preferredLocale: "en",
  },
  {
    key: "us-house-foreign-affairs",
    name: "Chair of the House Foreign Affairs Committee",
    title: "Chair, Committee on Foreign Affairs",
    institution: "United States House of Representatives",
    country: "US",
    email: "us-house-foreign-affairs@example.org",
    preferredLocale: "en",
  },
  {
    key: "eu-high-representative",
    name: "High Representative of the Union for Foreign Affairs and Security Policy",
    title: "High Representative / Vice-President of the European Commission",
    institution: "European Union, European External Action Service",
    country: "INT",
    email: "eu-high-representative@example.org",
    preferredLocale: "en",
  },
  {
    key: "ru-foreign-ministry",
    name: "Minister of Foreign Affairs of the Russian Federation",
    title: "Minister of Foreign Affairs",
    institution: "Ministry of Foreign Affairs of the Russian Federation",
    country: "RU",
    email: "ru-foreign-ministry@example.org",
    preferredLocale: "en",
    riskToSigners: true,
  },
  {
    key: "sy-foreign-ministry",
    name: "Minister of Foreign Affairs of Syria",
    title: "Minister of Foreign Affairs",
    institution: "Ministry of Foreign Affairs, Syria",
    country: "SY",
    email: "sy-foreign-ministry@example.org",
    preferredLocale: "ar",
    riskToSigners: true,
  },
  {
    key: "tr-foreign-ministry",
    name: "Minister of Foreign Affairs of Türkiye",
    title: "Minister of Foreign Affairs",
    institution: "Ministry of Foreign Affairs of the Republic of Türkiye",
    country: "TR",
    email: "tr-foreign-ministry@example.org",
    preferredLocale: "en",
  },
];

// ---------------------------------------------------------------- campaigns

export const campaigns: SeedCampaign[] = [
  {
    slug: "protect-civilians-northwest-syria",
    statementSlug: "swpm-escalation-northwest-syria-2023",
    ownerSlugs: ["syrian-womens-political-movement"],
    goals: [1000, 10000, 50000],
    titleEn: "Stop the attacks and protect civilians in northwest Syria",
    titleAr: "أوقفوا الهجمات واحموا المدنيين في شمال غرب سوريا",
    summaryEn:
      "Since 5 October 2023, bombardment of Idlib and western Aleppo has killed and displaced civilians. We ask the international community to press for an end to attacks across Syria, a political transition under Resolution 2254 and a safe return for the displaced.",
    summaryAr:
      "منذ 5 تشرين الأول/أكتوبر 2023 يتعرّض المدنيون في إدلب وريف حلب الغربي لقصف أودى بحياة كثيرين وأجبر آخرين على النزوح. نطالب المجتمع الدولي بالضغط لوقف الهجمات في جميع أنحاء سوريا، وتحقيق انتقال سياسي وفق القرار 2254، وضمان العودة الآمنة للنازحين.",
    bodyEn: md(
      "From 5 October 2023, the Syrian regime and its Russian ally escalated their attacks on northwest Syria, striking the city of Idlib, the surrounding countryside and the western countryside of Aleppo. The Syrian Women’s Political Movement reports that some of these attacks used internationally prohibited weapons, including cluster munitions.",
      "According to the Syria Response Coordinators, cited by the Movement on 25 October 2023, more than 60 civilians were killed, a third of them children, and more than 285 people were injured. Over 88 civilian facilities were hit, including schools, medical facilities, Civil Defence centres and vehicles, mosques and camps for displaced families. The Movement describes the bombardment as “a blatant violation of UN Security Council Resolutions 2139 and 2254”.",
      "**We ask** the international community to press the Syrian regime and its allies to halt attacks in every part of Syria, to move the political transition forward under Security Council Resolution 2254, and to make it possible for displaced Syrians to return home safely.",
      "Every confirmed signature is counted. Below, this page lists the decision-makers the petition is addressed to and, beside each, what has been sent to them and whether they have answered.",
    ),
    bodyAr: md(
      "منذ 5 تشرين الأول/أكتوبر 2023، صعّد النظام السوري وحليفه الروسي هجماتهما على شمال غرب سوريا، فاستهدفا مدينة إدلب وأريافها وريف حلب الغربي. وتفيد الحركة السياسية النسوية السورية بأن بعض هذه الهجمات استُخدمت فيها أسلحة محرّمة دولياً، منها الذخائر العنقودية.",
      "وبحسب فريق منسقو استجابة سوريا، الذي استندت الحركة إلى توثيقه في بيانها الصادر في 25 تشرين الأول/أكتوبر 2023، قُتل أكثر من 60 مدنياً ثلثهم من الأطفال، وأصيب أكثر من 285 شخصاً، واستُهدفت أكثر من 88 منشأة مدنية حيوية، منها مدارس ومنشآت طبية ومراكز ومركبات للدفاع المدني السوري ومساجد ومخيمات للمهجّرين قسراً. وترى الحركة في هذا القصف انتهاكاً صريحاً لقراري مجلس الأمن 2139 و2254.",
      "**نطالب** المجتمع الدولي بالضغط على النظام السوري وحلفائه لوقف الهجمات في جميع المناطق السورية، والدفع نحو انتقال سياسي وفق قرار مجلس الأمن 2254، وتهيئة الظروف لعودة النازحين والمهجّرين إلى بيوتهم عودةً آمنة.",
      "يُحتسب كل توقيع مؤكَّد. وتعرض هذه الصفحة أدناه الجهات المعنية بالقرار التي توجَّه إليها العريضة، وما أُرسل إلى كلٍّ منها، وهل ردّت.",
    ),
    demands: [
      {
        kind: "PROTECTION_OF_CIVILIANS",
        textEn:
          "Protect civilians in northwest Syria and end the shelling of homes, schools, medical facilities and camps.",
        textAr:
          "حماية المدنيين في شمال غرب سوريا ووقف قصف المنازل والمدارس والمنشآت الطبية والمخيمات.",
        sourceQuote: "calls for an end to violence and the protection of civilians",
      },
      {
        kind: "CEASEFIRE",
        textEn: "Press the Syrian regime and its allies to halt attacks in every part of Syria.",
        textAr: "الضغط على النظام السوري وحلفائه لوقف الهجمات في جميع المناطق السورية.",
        sourceQuote:
          "We call on the international community to practise pressure on the Syrian regime and its allies to halt aggression in all areas of Syria",
      },
      {
        kind: "POLITICAL_TRANSITION",
        textEn:
          "Move the political transition forward in line with Security Council Resolution 2254.",
        textAr: "تسريع عملية الانتقال السياسي وفق قرار مجلس الأمن 2254.",
        sourceQuote:
          "accelerating the political transition process in accordance with Security Council Resolution 2254 and relevant international resolutions",
      },
      {
        kind: "SAFE_RETURN",
        textEn: "Create the conditions for displaced Syrians to return to their homes safely.",
        textAr: "تهيئة الظروف لعودة النازحين السوريين إلى بيوتهم بأمان.",
        sourceQuote: "enable millions of displaced individuals to safely return to their homes",
      },
    ],
    targetKeys: [
      "un-security-council",
      "un-secretary-general",
      "eu-high-representative",
      "sy-foreign-ministry",
      "ru-foreign-ministry",
    ],
  },
  {
    slug: "ceasefire-idlib-now",
    statementSlug: "c4ssa-setf-joint-statement-2023",
    ownerSlugs: ["c4ssa", "setf"],
    goals: [1000, 5000, 25000],
    titleEn: "Ceasefire in Idlib now",
    titleAr: "وقف إطلاق النار في إدلب الآن",
    summaryEn:
      "An offensive that began on 5 October 2023 has killed civilians and displaced thousands in Idlib and western Aleppo. We call for an immediate ceasefire, protection of civilians and unhindered humanitarian access.",
    summaryAr:
      "أودت الحملة العسكرية التي بدأت في 5 تشرين الأول/أكتوبر 2023 بحياة مدنيين وهجّرت الآلاف في إدلب وريف حلب الغربي. نطالب بوقف فوري لإطلاق النار، وحماية المدنيين، وإيصال المساعدات الإنسانية دون عوائق.",
    bodyEn: md(
      "On 5 October 2023, the Assad regime began an intensive campaign of attacks on northwest Syria. In a joint statement on 10 October, Citizens for a Secure and Safe America (C4SSA) and the Syrian Emergency Task Force (SETF) reported that at least 46 civilians had been killed and hundreds wounded, that more than 1,100 locations in Idlib and western Aleppo had been shelled in five days, and that at least 20,000 civilians had been displaced. Schools, camps for displaced people, offices of aid organisations, mosques and markets were among the places hit.",
      "The two organisations note that the region had not seen violence on this scale since 2019, and that it came after more than a decade of war and the devastating earthquakes of February 2023. In their words, “This dire situation demands international attention and action.”",
      "**We ask** the Assad regime and Russia to stop all hostilities in Idlib at once, all parties to respect international humanitarian law, and the international community to secure unfettered humanitarian access and a lasting political resolution in which those responsible for crimes are held to account.",
      "A ceasefire comes first: it lets aid arrive, lets the wounded be treated and lets families stay in their homes. Your signature joins a public count addressed to the decision-makers listed below.",
    ),
    bodyAr: md(
      "في 5 تشرين الأول/أكتوبر 2023 بدأ نظام الأسد حملة مكثفة من الهجمات على شمال غرب سوريا. وفي بيان مشترك صدر في 10 تشرين الأول/أكتوبر، أفادت منظمتا «مواطنون من أجل أمريكا آمنة ومأمونة» (C4SSA) و«المنظمة السورية للطوارئ» (SETF) بمقتل ما لا يقل عن 46 مدنياً وإصابة المئات، وبقصف أكثر من 1100 موقع في إدلب وريف حلب الغربي خلال خمسة أيام، ونزوح ما لا يقل عن 20 ألف مدني. وكان من بين الأماكن المستهدفة مدارس ومخيمات للنازحين ومكاتب لمنظمات غير حكومية ومساجد وأسواق.",
      "وتشير المنظمتان إلى أن المنطقة لم تشهد عنفاً بهذا الحجم منذ عام 2019، وأنه جاء بعد أكثر من عقد من الحرب وبعد زلزال شباط/فبراير 2023 المدمّر، وتؤكدان أن هذا الوضع يستدعي اهتماماً وتحركاً دوليَّين.",
      "**نطالب** نظام الأسد وروسيا بالوقف الفوري لجميع الأعمال العدائية في إدلب، وجميعَ الأطراف باحترام القانون الدولي الإنساني، ونطالب المجتمع الدولي بضمان وصول إنساني دون عوائق، والعمل على حل سياسي دائم يُحاسَب فيه مرتكبو الجرائم.",
      "وقف إطلاق النار يأتي أولاً: به تصل المساعدات، ويُعالَج الجرحى، وتبقى العائلات في بيوتها. يُضاف توقيعك إلى عدد معلن موجَّه إلى الجهات المعنية بالقرار المذكورة أدناه.",
    ),
    demands: [
      {
        kind: "CEASEFIRE",
        textEn:
          "Stop all hostilities in Idlib immediately, so that humanitarian organisations can reach the people affected.",
        textAr:
          "الوقف الفوري لجميع الأعمال العدائية في إدلب، بما يتيح للمنظمات الإنسانية الوصول إلى المتضررين.",
        sourceQuote:
          "That the Assad regime and Russia immediately cease all hostilities in Idlib, allowing humanitarian organizations to access the area and provide much-needed aid to the affected population.",
      },
      {
        kind: "PROTECTION_OF_CIVILIANS",
        textEn: "Require all parties to respect international humanitarian law and protect every civilian.",
        textAr: "إلزام جميع الأطراف باحترام القانون الدولي الإنساني وحماية المدنيين كافة.",
        sourceQuote:
          "We call upon all parties involved to abide by international humanitarian law, ensuring the protection of all civilians.",
      },
      {
        kind: "HUMANITARIAN_ACCESS",
        textEn:
          "Give humanitarian organisations unfettered access to deliver aid, medical care and essential supplies in Idlib.",
        textAr:
          "تمكين المنظمات الإنسانية من الوصول دون عوائق لإيصال المساعدات والرعاية الطبية والمستلزمات الأساسية إلى أهالي إدلب.",
        sourceQuote:
          "Humanitarian organizations must be granted unfettered access to deliver aid, medical assistance, and essential supplies to the people of Idlib.",
      },
      {
        kind: "ACCOUNTABILITY",
        textEn:
          "Intensify diplomacy for a lasting resolution in which those responsible for crimes are held accountable.",
        textAr: "تكثيف الجهود الدبلوماسية للتوصل إلى حل دائم يُحاسَب فيه المسؤولون عن الجرائم.",
        sourceQuote: "in which the Assad regime and allies are held accountable for their crimes",
      },
    ],
    targetKeys: [
      "sy-foreign-ministry",
      "ru-foreign-ministry",
      "un-security-council",
      "un-secretary-general",
      "us-house-foreign-affairs",
    ],
  },
  {
    slug: "end-attacks-on-civilians-idlib",
    statementSlug: "white-helmets-escalation-statement-2023",
    ownerSlugs: ["syrian-civil-defence"],
    goals: [1000, 10000, 100000],
    titleEn: "End the attacks on civilians in Idlib and western Aleppo",
    titleAr: "أوقفوا الهجمات على المدنيين في إدلب وريف حلب الغربي",
    summaryEn:
      "The Syrian Civil Defence reported 13 civilians killed and 62 injured on the first day of the October 2023 escalation alone. We ask for an end to the attacks, accountability for those responsible, and protection for civilians and civilian infrastructure.",
    summaryAr:
      "أفاد الدفاع المدني السوري بمقتل 13 مدنياً وإصابة 62 آخرين في اليوم الأول وحده من تصعيد تشرين الأول/أكتوبر 2023. نطالب بوقف الهجمات، ومحاسبة المسؤولين عنها، وحماية المدنيين والبنى التحتية المدنية.",
    bodyEn: md(
      "On Thursday 5 October 2023, the Assad regime launched intense artillery and missile attacks on northwest Syria. According to the Syrian Civil Defence (White Helmets), that day’s attacks hit markets, residential areas, four schools, a mosque, a Civil Defence centre, an electricity facility and a fuel station. Thirteen civilians were killed, including 3 women and 2 children, and 62 were injured, including 18 children and 13 women.",
      "The White Helmets report that the attacks intensified over the following days across the countryside of Aleppo and Idlib, while families were still struggling with the aftermath of the earthquake. They describe the attacks as a flagrant violation of international humanitarian law, “which explicitly prohibits the targeting of civilians and civilian infrastructure”.",
      "**We ask** the international community to act so that the attacks on civilians stop, to hold those responsible to account, and to make the safety of civilians and civilian infrastructure the minimum that every party respects.",
      "Civil Defence volunteers are often the first to reach the wounded after a strike, and one of their own centres was among the targets. Signing adds your name to their appeal, addressed to the decision-makers listed below.",
    ),
    bodyAr: md(
      "في يوم الخميس 5 تشرين الأول/أكتوبر 2023، شنّ نظام الأسد هجمات مدفعية وصاروخية مكثفة على شمال غرب سوريا. وبحسب الدفاع المدني السوري (الخوذ البيضاء)، طالت هجمات ذلك اليوم أسواقاً وأحياء سكنية وأربع مدارس ومسجداً ومركزاً للدفاع المدني، إضافة إلى منشأة كهرباء ومحطة وقود، ما أدى إلى مقتل 13 مدنياً بينهم 3 نساء وطفلان، وإصابة 62 آخرين بينهم 18 طفلاً و13 امرأة.",
      "ويفيد الدفاع المدني بأن الهجمات تصاعدت في الأيام التالية في مناطق عدة من ريفي حلب وإدلب، في وقت لا يزال فيه السكان يكافحون لتجاوز آثار الزلزال المدمّر. ويصف البيان هذه الهجمات بأنها انتهاك صارخ للقانون الدولي الإنساني الذي يحظر صراحةً استهداف المدنيين والبنى التحتية المدنية.",
      "**نطالب** المجتمع الدولي بالعمل على وقف الهجمات على المدنيين، ومحاسبة المسؤولين عنها، وجعل سلامة المدنيين والمرافق المدنية حدّاً أدنى تلتزم به جميع الأطراف.",
      "متطوعو الدفاع المدني هم في الغالب أول من يصل إلى الجرحى بعد كل ضربة، وكان أحد مراكزهم من بين الأهداف. بتوقيعك تضمّ صوتك إلى ندائهم الموجَّه إلى الجهات المعنية بالقرار المذكورة أدناه.",
    ),
    demands: [
      {
        kind: "CEASEFIRE",
        textEn: "End the Assad regime’s attacks on the civilian population of northwest Syria.",
        textAr: "وضع حدّ لهجمات نظام الأسد على السكان المدنيين في شمال غرب سوريا.",
        sourceQuote:
          "find a solution that puts an end to the Assad regime's relentless onslaught on the civilian population",
      },
      {
        kind: "ACCOUNTABILITY",
        textEn: "Hold those responsible for these attacks to account and bring them to justice.",
        textAr: "محاسبة المسؤولين عن هذه الهجمات وتقديمهم إلى العدالة.",
        sourceQuote:
          "We stress the need to hold the regime accountable for these heinous attacks and grave violations",
      },
      {
        kind: "PROTECTION_OF_CIVILIANS",
        textEn:
          "Protect civilians and civilian infrastructure, as international humanitarian law requires.",
        textAr: "حماية المدنيين والبنى التحتية المدنية كما يقتضي القانون الدولي الإنساني.",
        sourceQuote:
          "Ensuring the safety of civilians in Syria and upholding the fundamental principles of human rights and humanitarianism are the very minimum requirements",
      },
    ],
    targetKeys: ["un-security-council", "un-secretary-general", "eu-high-representative"],
  },
  {
    slug: "protect-idlib-civilians-monitoring",
    statementSlug: "sbc-idlib-urgent-actions-2020",
    ownerSlugs: ["syrian-british-consortium"],
    goals: [500, 2500, 10000],
    titleEn: "Protect civilians in Idlib: monitor the de-escalation agreements",
    titleAr: "احموا المدنيين في إدلب: رقابة دولية على اتفاقات خفض التصعيد",
    summaryEn:
      "In early 2020, the Syrian British Consortium warned that the Turkish–Russian de-escalation agreements for Idlib were falling apart as a military offensive displaced some 600,000 people. It asked the UK Government and the international community to protect civilians and to have the agreements monitored internationally.",
    summaryAr:
      "في مطلع عام 2020، حذّر التجمع السوري البريطاني من انهيار اتفاقات خفض التصعيد التركية الروسية في إدلب، في وقت هجّرت فيه حملة عسكرية نحو 600 ألف شخص. وطالب الحكومة البريطانية والمجتمع الدولي بحماية المدنيين وإخضاع هذه الاتفاقات لرقابة دولية.",
    bodyEn: md(
      "From December 2019, the Syrian regime and its allies waged a military campaign on the last opposition strongholds in northwest Syria, taking large towns in Idlib governorate and the western Aleppo countryside, including Maarat al-Numan and Saraqib, as well as the M5 highway between Aleppo and Damascus. According to the Syrian British Consortium (SBC), writing in early 2020, the campaign had caused more than 2,500 casualties and many more injuries, and about 600,000 people had been forced from their homes, many of them gathering near the closed border with Turkey.",
      "SBC warned that these figures could rise sharply if Idlib city, home to nearly one million people, came under attack, and that the nearly 3.5 million residents of the northwest feared being killed, detained or tortured. Turkish observation points set up under the Astana de-escalation agreement had themselves been hit, and SBC judged that the Turkish–Russian de-escalation agreements “are falling apart”.",
      "**We ask** the UK Government, its allies and the international community to act to protect civilians in Idlib, to place the Turkish–Russian de-escalation agreements under international monitoring, and to examine every option for keeping civilians safe.",
      "Agreements that no one monitors are easily broken, and civilians bear the cost. Your signature tells the decision-makers listed below that people in the UK and beyond expect these commitments to be watched and kept.",
    ),
    bodyAr: md(
      "منذ كانون الأول/ديسمبر 2019، شنّ النظام السوري وحلفاؤه حملة عسكرية على آخر معاقل المعارضة في شمال غرب سوريا، وسيطروا خلالها على مدن وبلدات كبيرة في محافظة إدلب وريف حلب الغربي، منها معرة النعمان وسراقب، إضافة إلى الطريق الدولي M5 الذي يربط حلب بدمشق. وبحسب التجمع السوري البريطاني في بيانه الصادر مطلع عام 2020، خلّفت الحملة أكثر من 2500 ضحية وأعداداً أكبر بكثير من الجرحى، وهُجِّر نحو 600 ألف شخص من بيوتهم، تجمّع كثير منهم قرب الحدود المغلقة مع تركيا.",
      "وحذّر التجمع من أن هذه الأرقام قد ترتفع بشدة إذا هوجمت مدينة إدلب التي يسكنها قرابة مليون شخص، وأشار إلى أن نحو 3.5 مليون من سكان شمال غرب سوريا يخشون القتل أو الاعتقال أو التعذيب. كما تعرّضت للقصف نقاط مراقبة تركية أُنشئت بموجب اتفاق أستانا لخفض التصعيد، ورأى التجمع أن اتفاقات خفض التصعيد التركية الروسية آخذة في الانهيار.",
      "**نطالب** الحكومة البريطانية وحلفاءها والمجتمع الدولي بالتحرك لحماية المدنيين في إدلب، وبإخضاع اتفاقات خفض التصعيد التركية الروسية لرقابة دولية، وبدراسة جميع الخيارات الممكنة لضمان سلامة المدنيين.",
      "الاتفاقات التي لا يراقبها أحد يسهل خرقها، والمدنيون هم من يدفع الثمن. توقيعك رسالة إلى الجهات المعنية بالقرار المذكورة أدناه بأن الناس في بريطانيا وخارجها ينتظرون أن تُراقَب هذه التعهدات وأن تُحترم.",
    ),
    demands: [
      {
        kind: "PROTECTION_OF_CIVILIANS",
        textEn: "Act urgently to protect civilians in Idlib.",
        textAr: "التحرك العاجل لحماية المدنيين في إدلب.",
        sourceQuote:
          "We hereby urge the British Government and its allies, and the international community to intervene to protect civilians in Idlib.",
      },
      {
        kind: "OTHER",
        textEn:
          "Place the Turkish–Russian de-escalation agreements for northwest Syria under international monitoring.",
        textAr: "إخضاع اتفاقات خفض التصعيد التركية الروسية في شمال غرب سوريا لرقابة دولية.",
        sourceQuote: "there should be international parties monitoring these agreements",
      },
      {
        kind: "PROTECTION_OF_CIVILIANS",
        textEn: "Examine every available option for protecting civilians in Idlib.",
        textAr: "دراسة جميع الخيارات المتاحة لحماية المدنيين في إدلب.",
        sourceQuote:
          "SBC is stressing on the necessity of exploring all options for civilians protection in Idlib.",
      },
    ],
    targetKeys: [
      "gb-foreign-secretary",
      "un-security-council",
      "un-secretary-general",
      "tr-foreign-ministry",
      "ru-foreign-ministry",
    ],
  },
  {
    slug: "refer-syria-to-the-icc",
    statementSlug: "najem-snhr-report-northwest-syria-2023",
    ownerSlugs: ["snhr"],
    goals: [1000, 10000, 100000],
    titleEn: "Refer Syria to the International Criminal Court",
    titleAr: "أحيلوا الملف السوري إلى المحكمة الجنائية الدولية",
    summaryEn:
      "The Syrian Network for Human Rights concluded that attacks on northwest Syria between 5 and 12 October 2023 constitute crimes against humanity and war crimes. We ask the UN to impose a ceasefire in Idlib and to refer Syria to the International Criminal Court.",
    summaryAr:
      "خلصت الشبكة السورية لحقوق الإنسان إلى أن الهجمات على شمال غرب سوريا بين 5 و12 تشرين الأول/أكتوبر 2023 ترقى إلى جرائم ضد الإنسانية وجرائم حرب. نطالب الأمم المتحدة بفرض وقف لإطلاق النار في إدلب وإحالة الملف السوري إلى المحكمة الجنائية الدولية.",
    bodyEn: md(
      "Between 5 and 12 October 2023, Syrian and Russian forces attacked Idlib city and its countryside and the western countryside of Aleppo. According to an 18-page report by the Syrian Network for Human Rights (SNHR), summarised by Muhammad Najem, about 45 civilians were killed, 13 of them children, and 51 vital civilian facilities were attacked, among them schools, medical facilities, rescue centres, mosques and camps for displaced people. The report documents the use of cluster and incendiary munitions in populated areas.",
      "SNHR concludes that these attacks violate Security Council resolutions 2139 and 2254 and constitute crimes against humanity and war crimes, and stresses that Russia must not be able to use its permanent seat on the Security Council to evade justice. As Muhammad Najem puts it, “no entity, regardless of its stature, should be immune from accountability for crimes against humanity and war crimes”.",
      "**We ask** the Security Council to adopt a binding resolution for an immediate ceasefire in Idlib and to refer the situation in Syria to the International Criminal Court, and the General Assembly to act to hold the Syrian and Russian governments accountable.",
      "Accountability is how attacks like these stop being repeated. Your signature joins a public, verifiable count addressed to the Security Council, the General Assembly and the Prosecutor of the International Criminal Court.",
    ),
    bodyAr: md(
      "بين 5 و12 تشرين الأول/أكتوبر 2023، شنّت القوات السورية والروسية هجمات على مدينة إدلب وأريافها وعلى ريف حلب الغربي. وبحسب تقرير من 18 صفحة أصدرته الشبكة السورية لحقوق الإنسان، وعرضه الكاتب محمد نجم، قُتل نحو 45 مدنياً بينهم 13 طفلاً، واستُهدفت 51 منشأة مدنية حيوية، منها مدارس ومنشآت طبية ومراكز إنقاذ ومساجد ومخيمات للنازحين. ويوثّق التقرير استخدام ذخائر عنقودية وحارقة في مناطق مأهولة بالسكان.",
      "ويخلص التقرير إلى أن هذه الهجمات تنتهك قراري مجلس الأمن 2139 و2254، وترقى إلى جرائم ضد الإنسانية وجرائم حرب، ويشدد على ضرورة منع روسيا من استغلال مقعدها الدائم في مجلس الأمن للإفلات من العدالة، إذ لا ينبغي لأي جهة، مهما بلغ نفوذها، أن تكون بمنأى عن المساءلة عن هذه الجرائم.",
      "**نطالب** مجلس الأمن بإصدار قرار ملزم يفرض وقفاً فورياً لإطلاق النار في إدلب، وبإحالة الملف السوري إلى المحكمة الجنائية الدولية، ونطالب الجمعية العامة للأمم المتحدة بالتحرك لمحاسبة الحكومتين السورية والروسية.",
      "المحاسبة هي السبيل إلى ألّا تتكرر هذه الهجمات. يُضاف توقيعك إلى عدد معلن يمكن التحقق منه، موجَّه إلى مجلس الأمن والجمعية العامة ومكتب المدعي العام للمحكمة الجنائية الدولية.",
    ),
    demands: [
      {
        kind: "CEASEFIRE",
        textEn:
          "Adopt a binding Security Council resolution establishing an immediate ceasefire in Idlib.",
        textAr: "إصدار قرار ملزم من مجلس الأمن يفرض وقفاً فورياً لإطلاق النار في إدلب.",
        sourceQuote:
          "the report strongly urges the UN Security Council to take immediate action by implementing a robust resolution to establish an immediate ceasefire in Idlib",
      },
      {
        kind: "ICC_REFERRAL",
        textEn: "Refer the situation in Syria to the International Criminal Court.",
        textAr: "إحالة الملف السوري إلى المحكمة الجنائية الدولية.",
        sourceQuote:
          "It advocates for the referral of the Syrian case to the International Criminal Court",
      },
      {
        kind: "ACCOUNTABILITY",
        textEn:
          "Act through the General Assembly to hold the Syrian and Russian governments accountable for the killing of civilians and the destruction of civilian facilities.",
        textAr:
          "تحرّك الجمعية العامة للأمم المتحدة لمحاسبة الحكومتين السورية والروسية على قتل المدنيين وتدمير المنشآت المدنية.",
        sourceQuote:
          "the report calls upon the UN General Assembly to hold the Syrian and Russian regimes accountable for the wanton destruction and loss of innocent lives",
      },
      {
        kind: "OTHER",
        textEn:
          "Prevent any permanent member of the Security Council from using its position to shield itself from justice.",
        textAr: "منع أي دولة دائمة العضوية في مجلس الأمن من استغلال موقعها للإفلات من العدالة.",
        sourceQuote:
          "preventing Russia from exploiting its position as a permanent member of the Security Council to evade justice",
      },
    ],
    targetKeys: ["un-security-council", "un-general-assembly", "icc-prosecutor"],
  },
];

// ---------------------------------------------------------------- letters to representatives

export type SeedLetter = {
  /** Rotated among the letters one decision-maker receives. */
  subjectsEn: string[];
  subjectsAr: string[];
  /** Without greeting or signature: Nida adds both. */
  bodyEn: string;
  bodyAr: string;
};

/** Directory entries by country and region, so supporters find someone of their own to write to. */
export const letterDecisionMakers: (SeedDecisionMaker & { region?: string })[] = [
  {
    key: "gb-mp-london-example",
    name: "Member of Parliament for London Example",
    title: "Member of Parliament",
    institution: "House of Commons",
    country: "GB",
    region: "London",
    email: "mp-london-example@example.org",
    preferredLocale: "en",
  },
  {
    key: "gb-msp-scotland-example",
    name: "Member of the Scottish Parliament for Lothian Example",
    title: "Member of the Scottish Parliament",
    institution: "Scottish Parliament",
    country: "GB",
    region: "Scotland",
    email: "msp-scotland-example@example.org",
    preferredLocale: "en",
  },
  {
    key: "de-bundestag-foreign-affairs",
    name: "Chair of the Committee on Foreign Affairs",
    title: "Chair, Committee on Foreign Affairs",
    institution: "German Bundestag",
    country: "DE",
    email: "bundestag-foreign-affairs@example.org",
    preferredLocale: "en",
  },
  {
    key: "fr-assemblee-foreign-affairs",
    name: "Chair of the Foreign Affairs Committee",
    title: "Chair, Foreign Affairs Committee",
    institution: "French National Assembly",
    country: "FR",
    email: "assemblee-foreign-affairs@example.org",
    preferredLocale: "en",
  },
  {
    key: "us-senate-foreign-relations",
    name: "Chair of the Senate Committee on Foreign Relations",
    title: "Chair, Committee on Foreign Relations",
    institution: "United States Senate",
    country: "US",
    email: "senate-foreign-relations@example.org",
    preferredLocale: "en",
  },
];

const protectCiviliansLetter: SeedLetter = {
  subjectsEn: [
    "Please act to protect civilians in northwest Syria",
    "A constituent's request: protection for civilians in Idlib",
    "Civilians in northwest Syria need your attention",
  ],
  subjectsAr: ["أرجو أن تتحركوا لحماية المدنيين في شمال غرب سوريا", "طلب من مواطن: حماية المدنيين في إدلب", "المدنيون في شمال غرب سوريا بحاجة إلى اهتمامكم"],
  bodyEn: md(
    "I am writing to ask you to use your office to help protect civilians in northwest Syria, where homes, markets, schools and hospitals have repeatedly come under attack.",
    "Syrian civil society organisations have set out clear requests: an end to attacks on civilians and civilian infrastructure, safe and unhindered humanitarian access, and independent monitoring of what happens on the ground. I ask you to support these requests publicly and to raise them with the governments and bodies you can reach.",
  ),
  bodyAr: md(
    "أكتب إليكم لأطلب أن تستخدموا موقعكم للمساعدة في حماية المدنيين في شمال غرب سوريا، حيث تعرّضت المنازل والأسواق والمدارس والمستشفيات للهجوم مرارًا.",
    "وقد حدّدت منظمات المجتمع المدني السوري مطالب واضحة: وقف الهجمات على المدنيين والبنية التحتية المدنية، وضمان وصول إنساني آمن ودون عوائق، ورقابة مستقلة على ما يجري على الأرض. أرجو أن تدعموا هذه المطالب علنًا وأن تطرحوها على الحكومات والهيئات التي يمكنكم التواصل معها.",
  ),
};

// The directory's seed entries in Arabic: name, office and institution, for the Arabic pages and
// the letters and digests of Arabic readers.
export const decisionMakersInArabic: Record<string, { name: string; title: string; institution: string }> = {
  "un-security-council": { name: "رئيس مجلس الأمن", title: "رئيس مجلس الأمن (بالتناوب شهرياً)", institution: "مجلس الأمن التابع للأمم المتحدة" },
  "un-general-assembly": { name: "رئيس الجمعية العامة", title: "رئيس الجمعية العامة للأمم المتحدة", institution: "الجمعية العامة للأمم المتحدة" },
  "un-secretary-general": { name: "الأمين العام للأمم المتحدة", title: "الأمين العام", institution: "الأمم المتحدة" },
  "icc-prosecutor": { name: "المدعي العام للمحكمة الجنائية الدولية", title: "المدعي العام", institution: "المحكمة الجنائية الدولية، مكتب المدعي العام" },
  "gb-foreign-secretary": { name: "وزير الخارجية البريطاني", title: "وزير الدولة للشؤون الخارجية والكومنولث والتنمية", institution: "وزارة الخارجية والكومنولث والتنمية" },
  "us-house-foreign-affairs": { name: "رئيس لجنة الشؤون الخارجية في مجلس النواب", title: "رئيس لجنة الشؤون الخارجية", institution: "مجلس النواب الأمريكي" },
  "eu-high-representative": {
    name: "الممثل الأعلى للاتحاد الأوروبي للشؤون الخارجية والسياسة الأمنية",
    title: "الممثل الأعلى ونائب رئيس المفوضية الأوروبية",
    institution: "الاتحاد الأوروبي، دائرة العمل الخارجي الأوروبي",
  },
  "ru-foreign-ministry": { name: "وزير خارجية روسيا الاتحادية", title: "وزير الخارجية", institution: "وزارة خارجية روسيا الاتحادية" },
  "sy-foreign-ministry": { name: "وزير الخارجية السوري", title: "وزير الخارجية", institution: "وزارة الخارجية، سوريا" },
  "tr-foreign-ministry": { name: "وزير الخارجية التركي", title: "وزير الخارجية", institution: "وزارة خارجية الجمهورية التركية" },
  "gb-mp-london-example": { name: "عضو البرلمان عن دائرة لندن (مثال)", title: "عضو البرلمان", institution: "مجلس العموم" },
  "gb-msp-scotland-example": { name: "عضو البرلمان الاسكتلندي عن دائرة لوثيان (مثال)", title: "عضو البرلمان الاسكتلندي", institution: "البرلمان الاسكتلندي" },
  "de-bundestag-foreign-affairs": { name: "رئيس لجنة الشؤون الخارجية", title: "رئيس لجنة الشؤون الخارجية", institution: "البوندستاغ الألماني" },
  "fr-assemblee-foreign-affairs": { name: "رئيس لجنة الشؤون الخارجية", title: "رئيس لجنة الشؤون الخارجية", institution: "الجمعية الوطنية الفرنسية" },
  "us-senate-foreign-relations": { name: "رئيس لجنة العلاقات الخارجية في مجلس الشيوخ", title: "رئيس لجنة العلاقات الخارجية", institution: "مجلس الشيوخ الأمريكي" },
};

/** Keyed by campaign slug. */
export const campaignLetters: Record<string, SeedLetter> = {
  "protect-civilians-northwest-syria": protectCiviliansLetter,
  "ceasefire-idlib-now": {
    subjectsEn: ["Please support a ceasefire in Idlib", "A ceasefire in Idlib would save lives", "Request for your support: ceasefire in Idlib"],
    subjectsAr: ["أرجو دعمكم لوقف إطلاق النار في إدلب", "وقف إطلاق النار في إدلب ينقذ الأرواح", "طلب دعم: وقف إطلاق النار في إدلب"],
    bodyEn: md(
      "I am writing to ask you to support an immediate and lasting ceasefire in Idlib and the surrounding areas of northwest Syria.",
      "Millions of people there, many of them already displaced more than once, live under the threat of shelling and air strikes. A ceasefire that is respected and monitored would let families stay safe, let aid reach them and let schools and clinics work. I ask you to call for it publicly and to press the parties and their supporters to keep to it.",
    ),
    bodyAr: md(
      "أكتب إليكم لأطلب دعمكم لوقف فوري ودائم لإطلاق النار في إدلب والمناطق المحيطة بها في شمال غرب سوريا.",
      "يعيش هناك ملايين الناس، كثير منهم نزحوا أكثر من مرة، تحت تهديد القصف والغارات الجوية. إن وقفًا لإطلاق النار يُحترم ويُراقَب سيتيح للعائلات أن تبقى في أمان، وللمساعدات أن تصل إليها، وللمدارس والعيادات أن تعمل. أرجو أن تطالبوا به علنًا وأن تضغطوا على الأطراف وداعميها للالتزام به.",
    ),
  },
  "end-attacks-on-civilians-idlib": {
    subjectsEn: ["Please help end attacks on civilians in Idlib and western Aleppo", "Attacks on civilians in Idlib must stop"],
    subjectsAr: ["أرجو المساعدة في وقف الهجمات على المدنيين في إدلب وريف حلب الغربي", "يجب أن تتوقف الهجمات على المدنيين في إدلب"],
    bodyEn: md(
      "I am writing about the attacks on civilians in Idlib and western Aleppo, which first responders and human rights monitors have documented in detail.",
      "Under international humanitarian law, civilians and the places they depend on must never be targets. I ask you to condemn these attacks clearly, to support the work of those who document them, and to use every channel available to you to bring them to an end.",
    ),
    bodyAr: md(
      "أكتب إليكم بشأن الهجمات على المدنيين في إدلب وريف حلب الغربي، التي وثّقها المستجيبون الأوائل ومراقبو حقوق الإنسان بالتفصيل.",
      "بموجب القانون الإنساني الدولي، لا يجوز أبدًا استهداف المدنيين ولا الأماكن التي يعتمدون عليها. أرجو أن تدينوا هذه الهجمات بوضوح، وأن تدعموا عمل من يوثّقونها، وأن تستخدموا كل قناة متاحة لكم لوضع حدّ لها.",
    ),
  },
  "protect-idlib-civilians-monitoring": {
    subjectsEn: ["Please support international monitoring in Idlib", "Monitoring the de-escalation agreements in Idlib"],
    subjectsAr: ["أرجو دعمكم للرقابة الدولية في إدلب", "الرقابة على اتفاقات خفض التصعيد في إدلب"],
    bodyEn: md(
      "I am writing to ask you to support independent international monitoring of the de-escalation agreements covering Idlib.",
      "Agreements protect people only when they are kept, and they are kept more often when violations are seen and reported. I ask you to back a monitoring mechanism with access on the ground and to make sure its findings are acted upon.",
    ),
    bodyAr: md(
      "أكتب إليكم لأطلب دعمكم لرقابة دولية مستقلة على اتفاقات خفض التصعيد التي تشمل إدلب.",
      "لا تحمي الاتفاقات الناس إلا إذا احتُرمت، وهي تُحترم أكثر حين تُرصد الانتهاكات ويُبلَّغ عنها. أرجو أن تدعموا آلية رقابة قادرة على الوصول إلى الأرض، وأن تحرصوا على أن يُبنى على ما تتوصل إليه.",
    ),
  },
  "refer-syria-to-the-icc": {
    subjectsEn: ["Please support referring Syria to the International Criminal Court", "Accountability for crimes against civilians in Syria"],
    subjectsAr: ["أرجو دعمكم لإحالة الملف السوري إلى المحكمة الجنائية الدولية", "المحاسبة على الجرائم بحق المدنيين في سوريا"],
    bodyEn: md(
      "I am writing to ask you to support the referral of the situation in Syria to the International Criminal Court.",
      "Human rights organisations have documented attacks on civilians in northwest Syria that may amount to crimes against humanity. Without accountability, such attacks continue. I ask you to speak for a referral and to support the investigators and documentation groups whose work makes justice possible.",
    ),
    bodyAr: md(
      "أكتب إليكم لأطلب دعمكم لإحالة الوضع في سوريا إلى المحكمة الجنائية الدولية.",
      "وثّقت منظمات حقوق الإنسان هجمات على المدنيين في شمال غرب سوريا قد ترقى إلى جرائم ضد الإنسانية. ومن دون محاسبة تستمر هذه الهجمات. أرجو أن تؤيدوا الإحالة علنًا، وأن تدعموا المحققين ومجموعات التوثيق الذين يجعل عملهم العدالة ممكنة.",
    ),
  },
};
