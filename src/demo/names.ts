// Word lists for the demo organisation generator. Pure data: no logic, no randomness.
// Everything here is invented for Convene's demo; names are common given names and surnames,
// not real staff.

export const DIVISION_SLUGS = [
  "research-services",
  "hr",
  "it-services",
  "finance",
  "estates",
  "student-administration",
  "communications-marketing",
  "library",
  "executive-office",
  "legal-compliance",
  "development-alumni",
  "academic-departments",
] as const;

export type DivisionSlug = (typeof DIVISION_SLUGS)[number];

export interface DivisionSeed {
  readonly slug: DivisionSlug;
  readonly name: string;
  readonly weight: number; // share of staff, roughly
  readonly phrase?: string; // how it reads mid-sentence when it needs an article ("I joined the Library")
}

export const DIVISIONS: readonly DivisionSeed[] = [
  { slug: "research-services", name: "Research Services", weight: 10 },
  { slug: "hr", name: "Human Resources", weight: 7 },
  { slug: "it-services", name: "IT Services", weight: 10 },
  { slug: "finance", name: "Finance", weight: 8 },
  { slug: "estates", name: "Estates and Facilities", weight: 8 },
  { slug: "student-administration", name: "Student Administration", weight: 12 },
  { slug: "communications-marketing", name: "Communications and Marketing", weight: 6 },
  { slug: "library", name: "Library", weight: 6, phrase: "the Library" },
  { slug: "executive-office", name: "Executive Office", weight: 4, phrase: "the Executive Office" },
  { slug: "legal-compliance", name: "Legal and Compliance", weight: 3 },
  { slug: "development-alumni", name: "Development and Alumni Relations", weight: 4 },
  {
    slug: "academic-departments",
    name: "Academic Departments",
    weight: 20,
    phrase: "an academic department",
  },
];

// Names are grouped by cultural background so that most generated people get a first name and
// surname that plausibly belong together; the generator mixes groups now and then, as real
// families do.
export interface NameGroup {
  readonly key: string;
  readonly weight: number;
  readonly feminine: readonly string[];
  readonly masculine: readonly string[];
  readonly surnames: readonly string[];
}

// biome-ignore format: packed word lists are easier to scan and extend
export const NAME_GROUPS: readonly NameGroup[] = [
  {
    key: "english",
    weight: 30,
    feminine: [
      "Emily", "Charlotte", "Sophie", "Hannah", "Rebecca", "Lucy", "Eleanor", "Harriet", "Jessica",
      "Katherine", "Rachel", "Abigail", "Joanne", "Gemma", "Natalie", "Samantha", "Victoria", "Zoe",
      "Amy", "Laura", "Sarah", "Helen", "Megan", "Chloe", "Lauren", "Alice", "Grace", "Ruth", "Jennifer",
      "Kate", "Nicola", "Philippa", "Imogen", "Esther", "Bethany", "Holly", "Jade", "Shanice", "Tanya",
    ],
    masculine: [
      "James", "Thomas", "Oliver", "William", "George", "Daniel", "Matthew", "Samuel", "Jack", "Edward",
      "Benjamin", "Henry", "Marcus", "Stuart", "Gareth", "Nathan", "Simon", "Paul",
      "Andrew", "David", "Richard", "Michael", "Christopher", "Mark", "Peter", "Robert", "Luke", "Adam",
      "Joseph", "Ryan", "Liam", "Dominic", "Craig", "Wesley", "Jermaine", "Dwayne", "Tobias", "Harvey",
    ],
    surnames: [
      "Smith", "Jones", "Taylor", "Brown", "Wilson", "Johnson", "Robinson", "Wright", "Thompson", "Walker",
      "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke", "Hughes", "Edwards", "Turner",
      "Harris", "Cooper", "Ward", "Morris", "Baker", "Fletcher", "Bennett", "Holloway", "Ashworth",
      "Pemberton", "Whitfield", "Francis", "Grant", "Lawrence", "Marsh", "Palmer",
      "Moore", "King", "Hill", "Scott", "Young", "Allen", "Mitchell", "Carter", "Phillips", "Parker", "Collins",
      "Bell", "Shaw", "Cook", "Bailey", "Chapman", "Harrison", "Webb", "Barnes", "Mason", "Knight", "Hunt",
      "Russell", "Stevens", "Pearce", "Atkinson", "Dixon", "Gibson", "Lloyd", "Holmes", "Kemp", "Spencer",
      "Osborne", "Lambert", "Bishop", "Goodwin", "Cartwright", "Hewitt", "Barker", "Nicholls", "Fox", "Sutton",
      "Rowe", "Banks", "Burton", "Summers", "Thornton", "Hargreaves", "Blackwood",
    ],
  },
  {
    key: "scottish",
    weight: 8,
    feminine: ["Isla", "Eilidh", "Morag", "Kirsty", "Fiona", "Catriona", "Ailsa", "Mhairi", "Shona", "Rhona", "Iona", "Elspeth", "Morven"],
    masculine: ["Callum", "Angus", "Ewan", "Fraser", "Hamish", "Ruaridh", "Alasdair", "Gregor", "Lachlan", "Euan", "Duncan", "Murdo", "Struan"],
    surnames: [
      "MacDonald", "Campbell", "Stewart", "Robertson", "Murray", "Cameron", "Sinclair", "Munro", "Ross",
      "MacLeod", "Henderson", "Paterson", "Gillespie", "Drummond", "Buchanan", "McIntyre", "Kerr", "Fraser",
      "Johnston", "Reid", "Hamilton", "Ferguson", "Crawford", "Mackenzie", "Dunbar", "Lindsay", "Galbraith",
    ],
  },
  {
    key: "irish",
    weight: 7,
    feminine: ["Aoife", "Siobhán", "Niamh", "Orla", "Ciara", "Róisín", "Saoirse", "Gráinne", "Clodagh", "Aisling", "Sinéad", "Méabh", "Eimear"],
    masculine: ["Cian", "Oisín", "Darragh", "Pádraig", "Eoin", "Seán", "Ciarán", "Declan", "Colm", "Tadhg", "Fionn", "Ruairí", "Conor", "Niall"],
    surnames: [
      "Murphy", "O'Brien", "Kelly", "Byrne", "Ryan", "O'Sullivan", "Walsh", "O'Connor", "McCarthy", "Doyle",
      "Gallagher", "Quinn", "Brennan", "Fitzgerald", "Nolan", "Kavanagh",
      "Keane", "Daly", "Lynch", "Farrell", "Healy", "Moloney", "Dunne", "Hogan", "Flanagan", "Corcoran",
    ],
  },
  {
    key: "welsh",
    weight: 4,
    feminine: ["Cerys", "Ffion", "Angharad", "Seren", "Bethan", "Nia", "Gwen", "Carys", "Lowri"],
    masculine: ["Rhys", "Gethin", "Dafydd", "Emyr", "Iwan", "Owain", "Huw", "Aled", "Geraint"],
    surnames: [
      "Jenkins", "Price", "Rees", "Pritchard", "Llewellyn", "Powell", "Vaughan", "Bowen", "Parry",
      "Gruffydd", "Meredith", "Prosser", "Davies", "Evans",
    ],
  },
  {
    key: "south-asian",
    weight: 10,
    feminine: [
      "Priya", "Ananya", "Deepa", "Sunita", "Kavya", "Nusrat", "Farhana", "Meera", "Shreya", "Simran",
      "Anjali",
      "Pooja", "Rukhsana", "Shabana", "Lakshmi", "Divya", "Ayesha", "Sana",
    ],
    masculine: [
      "Arjun", "Rohan", "Vikram", "Sanjay", "Imran", "Rahul", "Faisal", "Aditya", "Harpreet", "Kiran",
      "Zubair",
      "Amit", "Nikhil", "Rajesh", "Hamza", "Bilal", "Suresh", "Karthik", "Asif",
    ],
    surnames: [
      "Patel", "Sharma", "Singh", "Kaur", "Gupta", "Iyer", "Reddy", "Chaudhry", "Khan", "Hussain", "Rahman",
      "Begum", "Malik", "Desai", "Nair", "Mehta", "Banerjee", "Chowdhury", "Qureshi", "Bhatt",
      "Joshi", "Kapoor", "Verma", "Pillai", "Menon", "Ahmed", "Islam", "Siddiqui", "Bose", "Ghosh", "Sandhu",
      "Gill", "Dhillon", "Mistry",
    ],
  },
  {
    key: "west-african",
    weight: 5,
    feminine: ["Amara", "Chiamaka", "Ngozi", "Adaeze", "Folake", "Abena", "Efua", "Yetunde", "Ifeoma", "Funmilayo", "Ama", "Akosua", "Nneka"],
    masculine: ["Chinedu", "Oluwaseun", "Kwame", "Kofi", "Emeka", "Tunde", "Babajide", "Yaw", "Obinna", "Kwesi", "Olumide", "Segun"],
    surnames: [
      "Okafor", "Adeyemi", "Mensah", "Okonkwo", "Boateng", "Asante", "Oyelaran", "Nwosu", "Adebayo",
      "Owusu", "Eze", "Ogunleye", "Danso", "Afolabi",
      "Ansah", "Bello", "Osei", "Agyeman", "Ekwueme",
    ],
  },
  {
    key: "east-african",
    weight: 3,
    feminine: ["Amina", "Wanjiru", "Halima", "Nyambura", "Zawadi", "Hodan", "Selam", "Achieng"],
    masculine: ["Abdi", "Juma", "Kamau", "Baraka", "Tesfaye", "Dawit", "Mohamed", "Omondi"],
    surnames: [
      "Mwangi", "Otieno", "Njoroge", "Abdullahi", "Warsame", "Haile", "Kiprop", "Odhiambo", "Mekonnen",
      "Ali", "Wambui", "Farah",
    ],
  },
  {
    key: "chinese",
    weight: 7,
    feminine: ["Mei", "Xiaoling", "Jing", "Yan", "Hui", "Lan", "Wenjing", "Xinyi", "Qian", "Yuxin", "Ting", "Fang", "Ling"],
    masculine: ["Wei", "Jun", "Hao", "Zhiwei", "Ming", "Jian", "Tao", "Yifan", "Chao", "Bo", "Lei", "Yong", "Haoran"],
    surnames: [
      "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Lin", "Guo",
      "He", "Ma", "Cheung", "Wong",
      "Gao", "Luo", "Zheng", "Liang", "Song", "Tang", "Han", "Feng", "Chan", "Leung",
    ],
  },
  {
    key: "japanese",
    weight: 1.5,
    feminine: ["Yuki", "Haruka", "Aiko", "Sakura", "Naomi", "Emi", "Kaori", "Ayaka"],
    masculine: ["Hiroshi", "Kenji", "Takumi", "Daisuke", "Haruto", "Sota", "Kazuki", "Ryo"],
    surnames: [
      "Tanaka", "Suzuki", "Sato", "Watanabe", "Takahashi", "Nakamura", "Yamamoto", "Kobayashi", "Ito",
      "Kato", "Yoshida", "Mori",
    ],
  },
  {
    key: "korean",
    weight: 1.5,
    feminine: ["Ji-woo", "Min-ji", "Seo-yeon", "Hye-jin", "Soo-ah", "Eun-ji", "Ha-eun", "Yoo-na"],
    masculine: ["Min-jun", "Seung-ho", "Jae-won", "Dong-hyun", "Joon-ho", "Ji-hoon", "Sung-min", "Tae-yang"],
    surnames: ["Kim", "Park", "Lee", "Choi", "Jung", "Kang", "Yoon", "Cho", "Jang", "Lim", "Han", "Shin"],
  },
  {
    key: "south-east-asian",
    weight: 3,
    feminine: ["Linh", "Thu", "Mai", "Maricel", "Nur", "Siti", "Ayu", "Kristine"],
    masculine: ["Minh", "Duc", "Hieu", "Paolo", "Rizal", "Hafiz", "Arif", "Jericho"],
    surnames: [
      "Nguyen", "Tran", "Pham", "Hoang", "Santos", "Reyes", "Cruz", "Bautista", "Ismail", "Abdullah", "Tan",
      "Lim", "Ong", "Rahim",
    ],
  },
  {
    key: "middle-eastern",
    weight: 5,
    feminine: ["Layla", "Fatima", "Noor", "Yasmin", "Leila", "Zeynep", "Elif", "Shirin", "Maryam"],
    masculine: ["Omar", "Yusuf", "Karim", "Hassan", "Tariq", "Emre", "Mehmet", "Reza", "Dariush", "Khalid"],
    surnames: [
      "Haddad", "Farouk", "Mansour", "Nasser", "Aziz", "Yilmaz", "Demir", "Kaya", "Sahin", "Hosseini",
      "Rahimi", "Karimi", "Tehrani", "Abboud", "Saleh",
    ],
  },
  {
    key: "eastern-european",
    weight: 6,
    feminine: ["Agnieszka", "Katarzyna", "Magdalena", "Zofia", "Oksana", "Ioana", "Natalia", "Marta"],
    masculine: ["Piotr", "Tomasz", "Krzysztof", "Mateusz", "Andrei", "Mihai", "Dmytro", "Bogdan"],
    surnames: [
      "Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Lewandowski", "Zieliński", "Popescu", "Ionescu",
      "Shevchenko", "Kovalenko", "Novák", "Horvat", "Petrović", "Dvořák", "Mazur",
    ],
  },
  {
    key: "southern-european",
    weight: 6,
    feminine: ["Giulia", "Francesca", "Chiara", "Lucía", "Carmen", "Inês", "Beatriz", "Eleni", "Sofia"],
    masculine: ["Marco", "Luca", "Alessandro", "Javier", "Diego", "Pablo", "João", "Tiago", "Nikos", "Giorgos"],
    surnames: [
      "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "García", "Fernández", "Martínez", "López",
      "Rodríguez", "Silva", "Ferreira", "Costa", "Papadopoulos", "Georgiou", "Moreno",
    ],
  },
  {
    key: "western-european",
    weight: 5,
    feminine: ["Anna", "Lena", "Claire", "Amélie", "Marieke", "Ingrid", "Astrid", "Sanne", "Freya"],
    masculine: ["Lukas", "Felix", "Jonas", "Mathieu", "Julien", "Pieter", "Lars", "Erik", "Sven"],
    surnames: [
      "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Dubois", "Moreau", "Laurent",
      "Lefèvre", "de Vries", "Jansen", "Bakker", "Visser", "Andersen", "Johansson", "Lindqvist", "Nielsen",
    ],
  },
  {
    key: "latin-american",
    weight: 2,
    feminine: ["Valentina", "Camila", "Daniela", "Ximena", "Mariana", "Paola"],
    masculine: ["Santiago", "Mateo", "Alejandro", "Andrés", "Rafael", "Joaquín"],
    surnames: ["Gómez", "Hernández", "Ramírez", "Vargas", "Castillo", "Rojas", "Mendoza", "Ortiz"],
  },
];

// Given names used across many backgrounds; people with these get "they/them" more often when
// they share pronouns at all.
// biome-ignore format: packed word lists are easier to scan and extend
export const NEUTRAL_FIRST_NAMES: readonly string[] = [
  "Alex", "Sam", "Jordan", "Charlie", "Robin", "Jamie", "Morgan", "Rowan", "Kai", "Ash", "Riley",
  "Sasha", "Ari", "Eden", "Remy", "Frankie", "Jude", "Sky",
];

export const FIRST_NAMES: readonly string[] = [
  ...new Set([
    ...NAME_GROUPS.flatMap((group) => [...group.feminine, ...group.masculine]),
    ...NEUTRAL_FIRST_NAMES,
  ]),
];

export const SURNAMES: readonly string[] = [...new Set(NAME_GROUPS.flatMap((group) => group.surnames))];

export interface TitleSet {
  readonly common: readonly string[];
  readonly senior: readonly string[];
}

// biome-ignore format: packed word lists are easier to scan and extend
export const JOB_TITLES: Readonly<Record<DivisionSlug, TitleSet>> = {
  "research-services": {
    common: [
      "Research Development Manager", "Research Contracts Officer", "Pre-award Administrator",
      "Post-award Finance Officer", "Research Impact Officer", "Research Integrity Adviser",
      "Research Funding Coordinator", "Knowledge Exchange Manager", "Research Data Officer",
      "Ethics Committee Secretary",
    ],
    senior: ["Head of Research Operations", "Director of Research Services"],
  },
  hr: {
    common: [
      "HR Adviser", "HR Business Partner", "HR Operations Coordinator", "Recruitment Administrator",
      "Payroll Officer", "Reward Analyst", "Learning and Development Adviser", "Employee Relations Specialist",
      "HR Systems Analyst", "Wellbeing Lead", "Equality and Diversity Adviser", "HR Assistant",
    ],
    senior: ["Head of HR Operations", "Director of People"],
  },
  "it-services": {
    common: [
      "Service Desk Analyst", "Systems Administrator", "Software Developer", "Infrastructure Engineer",
      "Information Security Analyst", "Cloud Platform Engineer", "Business Analyst", "IT Project Manager",
      "User Experience Designer", "Data Engineer", "Solutions Architect", "Network Engineer",
    ],
    senior: ["Head of Digital Services", "Chief Information Officer"],
  },
  finance: {
    common: [
      "Finance Officer", "Management Accountant", "Purchase Ledger Assistant", "Procurement Officer",
      "Financial Analyst", "Treasury Analyst", "Budget Planning Manager", "Accounts Receivable Officer",
      "Tax Specialist", "Research Finance Accountant",
    ],
    senior: ["Head of Financial Reporting", "Director of Finance"],
  },
  estates: {
    common: [
      "Facilities Coordinator", "Space Planner", "Capital Projects Manager", "Sustainability Officer",
      "Maintenance Supervisor", "Health and Safety Adviser", "Building Manager", "Energy Manager",
      "Porter Team Leader", "Room Bookings Officer",
    ],
    senior: ["Head of Estates Operations", "Director of Estates"],
  },
  "student-administration": {
    common: [
      "Student Records Officer", "Admissions Officer", "Timetabling Coordinator", "Exams Officer",
      "Programme Administrator", "Student Support Adviser", "Scholarships Officer", "Graduation Coordinator",
      "Student Visa Compliance Officer", "Registry Manager",
    ],
    senior: ["Head of Student Administration", "Academic Registrar"],
  },
  "communications-marketing": {
    common: [
      "Communications Officer", "Content Designer", "Web Editor", "Digital Marketing Executive",
      "Social Media Manager", "Press Officer", "Graphic Designer", "Internal Communications Manager",
      "Events Coordinator", "Brand Manager",
    ],
    senior: ["Head of Content", "Director of Communications"],
  },
  library: {
    common: [
      "Library Assistant", "Subject Librarian", "Digital Archivist", "Metadata Specialist",
      "Research Data Librarian", "Special Collections Curator", "Open Access Coordinator",
      "Learning Technologist", "Copyright Adviser",
    ],
    senior: ["Head of Library Services", "University Librarian"],
  },
  "executive-office": {
    common: [
      "Executive Assistant", "Personal Assistant", "Senior Executive Assistant", "Office Manager",
      "Governance Officer", "Committee Secretary", "Strategy Analyst", "Policy Adviser",
    ],
    senior: ["Chief of Staff", "Head of Governance"],
  },
  "legal-compliance": {
    common: [
      "Legal Counsel", "Paralegal", "Data Protection Officer", "Information Governance Adviser",
      "Compliance Officer", "Contracts Manager", "Freedom of Information Officer", "Risk Manager",
      "Records Manager",
    ],
    senior: ["Head of Legal Services", "General Counsel"],
  },
  "development-alumni": {
    common: [
      "Alumni Relations Officer", "Development Manager", "Supporter Data Analyst", "Major Gifts Officer",
      "Trusts and Foundations Manager", "Stewardship Officer", "Fundraising Events Coordinator",
      "Regular Giving Officer", "Prospect Researcher",
    ],
    senior: ["Head of Alumni Engagement", "Director of Development"],
  },
  "academic-departments": {
    common: [
      "Department Administrator", "School Operations Manager", "Teaching Support Officer",
      "Research Administrator", "Laboratory Technician", "Laboratory Manager",
      "Postgraduate Research Administrator", "Course Secretary", "Student Experience Officer",
      "Quality Assurance Officer",
    ],
    senior: ["Head of School Administration", "School Director of Professional Services"],
  },
};

// Skill tags are lowercase and hyphenated so they can double as URL-safe filters.
// biome-ignore format: packed word lists are easier to scan and extend
export const SKILLS: Readonly<Record<DivisionSlug, readonly string[]>> = {
  "research-services": [
    "research-funding", "grant-writing", "pre-award", "post-award", "research-contracts", "research-impact",
    "research-ethics", "research-integrity", "knowledge-exchange", "funder-compliance", "costing-and-pricing",
    "ref-submissions",
  ],
  hr: [
    "hr-operations", "payroll", "recruitment", "onboarding", "employee-relations", "hr-systems", "right-to-work",
    "contracts", "pensions", "reward", "learning-and-development", "wellbeing", "workforce-planning",
  ],
  "it-services": [
    "software-development", "cloud", "networking", "service-management", "information-security",
    "identity-management", "devops", "python", "sql", "user-experience", "automation", "data-engineering",
    "accessibility-testing",
  ],
  finance: [
    "budgeting", "management-accounts", "procurement", "accounts-payable", "accounts-receivable",
    "financial-reporting", "vat", "treasury", "forecasting", "expenses", "audit", "grant-finance",
  ],
  estates: [
    "facilities-management", "space-planning", "health-and-safety", "sustainability", "energy-management",
    "capital-projects", "maintenance", "building-compliance", "access-control", "room-booking",
  ],
  "student-administration": [
    "admissions", "timetabling", "exams", "student-records", "assessment-regulations", "visa-compliance",
    "student-support", "graduation", "scholarships", "programme-administration", "exam-boards",
    "student-systems",
  ],
  "communications-marketing": [
    "content-design", "copywriting", "web-publishing", "social-media", "seo", "press-relations",
    "internal-comms", "graphic-design", "video-production", "brand", "events", "plain-language",
  ],
  library: [
    "cataloguing", "metadata", "open-access", "research-data-management", "digital-preservation", "archives",
    "special-collections", "copyright", "information-literacy", "reading-lists", "digitisation",
  ],
  "executive-office": [
    "diary-management", "minute-taking", "governance", "committee-papers", "travel-booking",
    "stakeholder-management", "policy-writing", "board-support", "inbox-management", "briefing-papers",
  ],
  "legal-compliance": [
    "data-protection", "freedom-of-information", "contract-law", "risk-management", "records-management",
    "compliance-monitoring", "gdpr", "policy-review", "information-governance", "due-diligence",
    "subject-access-requests",
  ],
  "development-alumni": [
    "fundraising", "alumni-relations", "crm", "prospect-research", "stewardship", "legacy-giving", "events",
    "donor-communications", "trusts-and-foundations", "supporter-data",
  ],
  "academic-departments": [
    "programme-administration", "teaching-support", "lab-management", "research-administration",
    "student-experience", "quality-assurance", "timetabling", "virtual-learning-environment",
    "postgraduate-research", "marking-coordination", "technician-support",
  ],
};

// Skills that turn up in every division; mixed in so profiles overlap across silos.
// biome-ignore format: packed word lists are easier to scan and extend
export const GENERAL_SKILLS: readonly string[] = [
  "project-management", "excel", "data-analysis", "stakeholder-engagement", "change-management",
  "process-improvement", "presenting", "facilitation", "coaching", "mentoring", "line-management",
  "customer-service", "power-bi", "sharepoint", "agile", "writing", "accessibility",
  "equality-diversity-inclusion", "event-planning", "minute-taking",
];

// Skill tags that read badly when their hyphens simply become spaces.
export const SKILL_PHRASES: Readonly<Record<string, string>> = {
  "pre-award": "pre-award support",
  "post-award": "post-award management",
  "equality-diversity-inclusion": "equality, diversity and inclusion",
  "internal-comms": "internal communications",
  "right-to-work": "right-to-work checks",
  "ref-submissions": "REF submissions",
};

// How some words in skill tags should read inside a sentence.
export const WORD_DISPLAY: Readonly<Record<string, string>> = {
  gdpr: "GDPR",
  sql: "SQL",
  seo: "SEO",
  crm: "CRM",
  vat: "VAT",
  ref: "REF",
  hr: "HR",
  bi: "BI",
  power: "Power",
  python: "Python",
  excel: "Excel",
  sharepoint: "SharePoint",
};

export interface DemoLocation {
  readonly name: string;
  readonly timeZone: string;
  readonly weight: number;
}

// Mostly UK sites on Europe/London, with a handful of overseas offices so time zones vary.
export const LOCATIONS: readonly DemoLocation[] = [
  { name: "Clocktower Building, Central Campus", timeZone: "Europe/London", weight: 12 },
  { name: "Main Library, Central Campus", timeZone: "Europe/London", weight: 8 },
  { name: "Founders Hall, Central Campus", timeZone: "Europe/London", weight: 8 },
  { name: "Innovation Centre, Science Park", timeZone: "Europe/London", weight: 7 },
  { name: "Medical School, Northfield Campus", timeZone: "Europe/London", weight: 6 },
  { name: "Northgate House, Edinburgh", timeZone: "Europe/London", weight: 7 },
  { name: "Riverside Building, Glasgow", timeZone: "Europe/London", weight: 5 },
  { name: "Harbour Campus, Cardiff", timeZone: "Europe/London", weight: 5 },
  { name: "Oxford Road Building, Manchester", timeZone: "Europe/London", weight: 5 },
  { name: "Bloomsbury Office, London", timeZone: "Europe/London", weight: 6 },
  { name: "Colmore Row Hub, Birmingham", timeZone: "Europe/London", weight: 3 },
  { name: "Lagan Office, Belfast", timeZone: "Europe/London", weight: 2 },
  { name: "Innovation Hub, Leeds", timeZone: "Europe/London", weight: 3 },
  { name: "Harbourside Campus, Bristol", timeZone: "Europe/London", weight: 3 },
  { name: "Working remotely, UK", timeZone: "Europe/London", weight: 6 },
  { name: "Merrion Square Office, Dublin", timeZone: "Europe/Dublin", weight: 1 },
  { name: "Liaison Office, Brussels", timeZone: "Europe/Brussels", weight: 0.6 },
  { name: "Research Office, Berlin", timeZone: "Europe/Berlin", weight: 0.5 },
  { name: "Academic City Campus, Dubai", timeZone: "Asia/Dubai", weight: 1.2 },
  { name: "One-North Office, Singapore", timeZone: "Asia/Singapore", weight: 1 },
  { name: "Bukit Jalil Campus, Kuala Lumpur", timeZone: "Asia/Kuala_Lumpur", weight: 1.2 },
  { name: "Alumni Office, Hong Kong", timeZone: "Asia/Hong_Kong", weight: 0.5 },
  { name: "Working remotely, India", timeZone: "Asia/Kolkata", weight: 0.5 },
  { name: "Development Office, New York", timeZone: "America/New_York", weight: 0.7 },
  { name: "Liaison Office, Toronto", timeZone: "America/Toronto", weight: 0.4 },
  { name: "Partnership Office, Lagos", timeZone: "Africa/Lagos", weight: 0.4 },
  { name: "Liaison Office, Sydney", timeZone: "Australia/Sydney", weight: 0.4 },
];

export const TIME_ZONES: readonly string[] = [...new Set(LOCATIONS.map((location) => location.timeZone))];

// Places for geographic communities. `match` picks out the people based there by location name;
// `where` is how the place reads after "colleagues who work ...".
export interface GeoPlace {
  readonly name: string;
  readonly where: string;
  readonly match: readonly string[];
}

export const GEO_PLACES: readonly GeoPlace[] = [
  { name: "Central Campus", where: "on Central Campus", match: ["Central Campus"] },
  { name: "Science Park", where: "at the Science Park", match: ["Science Park"] },
  { name: "Northfield Campus", where: "on Northfield Campus", match: ["Northfield"] },
  { name: "Edinburgh Campus", where: "in Edinburgh", match: ["Edinburgh"] },
  { name: "Glasgow Riverside", where: "at Glasgow Riverside", match: ["Glasgow"] },
  { name: "Cardiff Harbour Campus", where: "on the Cardiff harbour campus", match: ["Cardiff"] },
  { name: "Manchester", where: "in Manchester", match: ["Manchester"] },
  { name: "London Bloomsbury", where: "in our London office", match: ["London"] },
  { name: "Birmingham", where: "in Birmingham", match: ["Birmingham"] },
  { name: "Belfast", where: "in Belfast", match: ["Belfast"] },
  { name: "Leeds", where: "in Leeds", match: ["Leeds"] },
  { name: "Bristol Harbourside", where: "at Bristol Harbourside", match: ["Bristol"] },
  { name: "Remote and Hybrid", where: "remotely or on a hybrid pattern", match: ["remotely"] },
  { name: "Dublin", where: "in Dublin", match: ["Dublin"] },
  { name: "Dubai Campus", where: "on the Dubai campus", match: ["Dubai"] },
  { name: "Kuala Lumpur Campus", where: "on the Kuala Lumpur campus", match: ["Kuala Lumpur"] },
  {
    name: "Asia Pacific",
    where: "in our Asia Pacific offices",
    match: ["Singapore", "Hong Kong", "Kuala Lumpur", "Sydney", "India"],
  },
  { name: "European Offices", where: "in our European offices", match: ["Brussels", "Berlin", "Dublin"] },
  { name: "North America", where: "in our North American offices", match: ["New York", "Toronto"] },
];

export const GEO_FORMS: readonly string[] = [
  "Staff Network",
  "Colleagues Circle",
  "Community",
  "Social Network",
  "Wellbeing Group",
  "Coffee Club",
  "New Starters Network",
];

// Short phrases for building bios; the generator stitches 1-3 of these into sentences.
export const BIO_OPENERS: readonly string[] = [
  "I'm {aTitle} in {division}, based at {location}.",
  "I joined {division} {years} ago and now work as {aTitle}.",
  "I've been {aTitle} for {years}; before that I worked in {previous}.",
  "I work in {division} as {aTitle}.",
  "After {years} in {previous}, I moved into higher education and now work as {aTitle}.",
  "I look after {skill} for {division}, where I'm {aTitle}.",
];

export const BIO_FOCUS: readonly string[] = [
  "Most of my week goes on {skill} and {skill2}.",
  "Ask me about **{skill}**: I have probably made the mistake you're about to make.",
  "I'm especially interested in {skill} and how we could do it more simply.",
  "Lately I've been spending a lot of time on {skill}.",
  "I enjoy helping colleagues get unstuck with {skill}.",
  "I'm keen to hear how other teams handle {skill}.",
];

export const BIO_CLOSERS: readonly string[] = [
  "Outside work I {hobby}.",
  "When I'm not at my desk I {hobby}.",
  "Away from the office I {hobby}.",
  "At weekends I {hobby}.",
];

// biome-ignore format: packed word lists are easier to scan and extend
export const PREVIOUS_SECTORS: readonly string[] = [
  "the NHS", "local government", "a housing association", "retail", "publishing", "the charity sector",
  "a small software start-up", "hospitality", "another university", "the civil service", "banking",
  "a secondary school", "the arts", "a law firm", "logistics",
];

export const HOBBIES: readonly string[] = [
  "sing in a community choir",
  "am slowly restoring an old bike",
  "grow far too many tomatoes",
  "run at the local parkrun",
  "volunteer at a food bank",
  "am learning to speak Welsh",
  "play five-a-side football",
  "bake bread, with mixed results",
  "walk the dog along the coast",
  "play the cello badly but happily",
  "climb at an indoor wall",
  "read crime fiction",
  "swim in the sea all year round",
  "coach a junior netball team",
  "paint watercolour landscapes",
  "go birdwatching",
  "play board games with friends",
  "knit jumpers for the family",
  "follow the cricket",
  "cook food from my grandmother's recipes",
  "hike in the hills whenever I can",
  "make pottery at an evening class",
  "play in a ceilidh band",
  "take photographs of old buildings",
  "volunteer as a school governor",
  "cycle to work, whatever the weather",
  "tend an allotment",
  "write short stories",
];

export const CAN_HELP_WITH: Readonly<Record<DivisionSlug, readonly string[]>> = {
  "research-services": [
    "reading a funder's terms and conditions",
    "costing a grant application",
    "setting up a research contract",
    "drafting an impact case study",
    "getting a project through ethics review",
    "finding a funding call that fits",
  ],
  hr: [
    "working out which contract a new starter needs",
    "finding your way around the HR system",
    "right-to-work checks",
    "planning a first week for a new starter",
    "making sense of pay dates and payslips",
    "writing a job advert people actually finish reading",
  ],
  "it-services": [
    "automating a repetitive task",
    "choosing between cloud services",
    "getting started with Python",
    "writing a decent SQL query",
    "logging a service desk ticket that gets solved quickly",
    "testing a page with a screen reader",
  ],
  finance: [
    "building a departmental budget",
    "raising a purchase order",
    "month-end journals",
    "expense claims that don't bounce back",
    "choosing the right procurement route",
    "forecasting spend on a grant",
  ],
  estates: [
    "risk assessments for events",
    "planning an office move",
    "cutting energy use in a building",
    "reporting a maintenance issue so it gets fixed",
    "finding and booking the right room",
  ],
  "student-administration": [
    "setting up an exam board",
    "untangling a student record",
    "sorting out timetable clashes",
    "visa and attendance rules",
    "planning a graduation ceremony",
    "processing admissions decisions",
  ],
  "communications-marketing": [
    "writing for the web",
    "turning a long document into a clear page",
    "planning a social media campaign",
    "handling a press enquiry",
    "making content accessible",
    "choosing images and writing alt text",
  ],
  library: [
    "finding and citing sources",
    "open access publishing options",
    "looking after research data",
    "copyright questions",
    "digitising old records",
    "building a reading list",
  ],
  "executive-office": [
    "juggling several diaries at once",
    "taking clear, short minutes",
    "pulling committee papers together",
    "booking complicated travel",
    "preparing a briefing for senior leaders",
  ],
  "legal-compliance": [
    "handling a subject access request",
    "data protection impact assessments",
    "answering a freedom of information request",
    "reviewing a contract before signature",
    "setting retention periods for records",
  ],
  "development-alumni": [
    "planning an alumni event",
    "writing thank-you letters donors remember",
    "cleaning up supporter data",
    "researching a prospective donor",
    "applying to a trust or foundation",
  ],
  "academic-departments": [
    "running a department office",
    "supporting new teaching staff",
    "setting up a course in the virtual learning environment",
    "coordinating marking and moderation",
    "keeping a lab safe and well stocked",
  ],
};

export const GENERAL_HELP: readonly string[] = [
  "getting to grips with pivot tables",
  "running a workshop people enjoy",
  "writing a project plan",
  "chairing a tricky meeting",
  "settling into a new role",
  "building a first Power BI dashboard",
  "finding the right person to ask",
  "mapping a process before changing it",
  "preparing for an interview panel",
  "tidying up a shared drive",
];

export const WANTS_TO_LEARN: readonly string[] = [
  "data visualisation",
  "project management basics",
  "speaking confidently in public",
  "coaching skills",
  "Power BI",
  "Python for data analysis",
  "how the budget cycle works",
  "leading a team for the first time",
  "plain-language writing",
  "negotiation",
  "agile ways of working",
  "how research funding works",
  "managing change",
  "user research",
  "accessibility testing",
  "how committees and governance work",
  "working with senior stakeholders",
  "running effective meetings",
  "process mapping",
  "SQL",
  "building SharePoint sites",
  "facilitation",
  "mentoring others",
  "writing business cases",
  "data protection essentials",
  "inclusive recruitment",
  "automating routine tasks",
  "how other divisions work",
  "event planning",
  "video editing",
  "service design",
  "strategic planning",
  "planning my next career step",
  "influencing without authority",
  "managing my time better",
  "risk management",
];

export type TopicType = "professional" | "technology" | "interest";

export interface TopicSeed {
  readonly name: string;
  readonly type: TopicType;
  readonly areas: readonly string[];
  readonly divisions: readonly DivisionSlug[];
  // How the topic reads mid-sentence when plain lower-casing would be wrong.
  readonly phrase?: string;
  // Interest groups have their own natural names ("Running Club", not "Running Forum"); an empty
  // form means the topic name stands on its own.
  readonly forms?: readonly string[];
}

// biome-ignore format: packed word lists are easier to scan and extend
export const PROFESSIONAL_FORMS: readonly string[] = [
  "Network", "Circle", "Forum", "Community", "Community of Practice", "Practitioners Group", "Exchange",
  "Peer Network", "Learning Circle", "Roundtable",
];

// biome-ignore format: packed word lists are easier to scan and extend
export const TECHNOLOGY_FORMS: readonly string[] = [
  "Users Group", "Guild", "Network", "Forum", "Community", "Circle", "Clinic", "Community of Practice",
];

// biome-ignore format: packed word lists are easier to scan and extend
export const TOPICS: readonly TopicSeed[] = [
  // Professional practice areas
  { name: "Research Funding", type: "professional", areas: ["research-funding", "grant-writing"], divisions: ["research-services", "academic-departments"] },
  { name: "Research Impact", type: "professional", areas: ["research-impact", "knowledge-exchange"], divisions: ["research-services", "academic-departments"] },
  { name: "Research Ethics", type: "professional", areas: ["research-ethics", "research-integrity"], divisions: ["research-services", "legal-compliance"] },
  { name: "Knowledge Exchange", type: "professional", areas: ["knowledge-exchange", "partnerships"], divisions: ["research-services"] },
  { name: "Research Contracts", type: "professional", areas: ["research-contracts", "contract-law"], divisions: ["research-services", "legal-compliance"] },
  { name: "Payroll", type: "professional", areas: ["payroll", "pensions"], divisions: ["hr", "finance"] },
  { name: "Recruitment", type: "professional", areas: ["recruitment", "onboarding", "inclusive-hiring"], divisions: ["hr"] },
  { name: "Employee Relations", type: "professional", areas: ["employee-relations", "policy"], divisions: ["hr"] },
  { name: "Learning and Development", type: "professional", areas: ["learning-and-development", "coaching"], divisions: ["hr"] },
  { name: "Staff Wellbeing", type: "professional", areas: ["wellbeing", "mental-health"], divisions: ["hr", "estates"] },
  { name: "Equality, Diversity and Inclusion", type: "professional", areas: ["equality-diversity-inclusion", "policy"], divisions: ["hr"] },
  { name: "Procurement", type: "professional", areas: ["procurement", "contracts"], divisions: ["finance", "estates"] },
  { name: "Financial Planning", type: "professional", areas: ["budgeting", "forecasting"], divisions: ["finance"] },
  { name: "Management Accounting", type: "professional", areas: ["management-accounts", "financial-reporting"], divisions: ["finance"] },
  { name: "Grants Finance", type: "professional", areas: ["grant-finance", "post-award"], divisions: ["finance", "research-services"] },
  { name: "Space Planning", type: "professional", areas: ["space-planning", "facilities-management"], divisions: ["estates"] },
  { name: "Sustainability", type: "professional", areas: ["sustainability", "energy-management", "net-zero"], divisions: ["estates"] },
  { name: "Health and Safety", type: "professional", areas: ["health-and-safety", "risk-management"], divisions: ["estates", "academic-departments"] },
  { name: "Facilities Management", type: "professional", areas: ["facilities-management", "maintenance"], divisions: ["estates"] },
  { name: "Admissions", type: "professional", areas: ["admissions", "student-recruitment"], divisions: ["student-administration"] },
  { name: "Timetabling", type: "professional", areas: ["timetabling", "room-booking"], divisions: ["student-administration", "academic-departments"] },
  { name: "Exams and Assessment", type: "professional", areas: ["exams", "assessment-regulations"], divisions: ["student-administration", "academic-departments"] },
  { name: "Student Records", type: "professional", areas: ["student-records", "student-systems"], divisions: ["student-administration"] },
  { name: "Student Support", type: "professional", areas: ["student-support", "wellbeing"], divisions: ["student-administration", "academic-departments"] },
  { name: "Graduation and Ceremonies", type: "professional", areas: ["graduation", "events"], divisions: ["student-administration", "development-alumni"] },
  { name: "International Student Support", type: "professional", areas: ["visa-compliance", "student-support"], divisions: ["student-administration"] },
  { name: "Internal Communications", type: "professional", areas: ["internal-comms", "writing"], divisions: ["communications-marketing", "hr"] },
  { name: "Social Media", type: "professional", areas: ["social-media", "content-design"], divisions: ["communications-marketing"] },
  { name: "Events", type: "professional", areas: ["events", "event-planning"], divisions: ["communications-marketing", "development-alumni", "estates"] },
  { name: "Press and Media", type: "professional", areas: ["press-relations", "media"], divisions: ["communications-marketing"] },
  { name: "Brand and Design", type: "professional", areas: ["brand", "graphic-design"], divisions: ["communications-marketing"] },
  { name: "Web Publishing", type: "professional", areas: ["web-publishing", "content-design", "accessibility"], divisions: ["communications-marketing", "library"] },
  { name: "Open Research", type: "professional", areas: ["open-access", "research-data-management"], divisions: ["library", "research-services"] },
  { name: "Archives and Special Collections", type: "professional", areas: ["archives", "special-collections"], divisions: ["library"] },
  { name: "Digital Preservation", type: "professional", areas: ["digital-preservation", "metadata"], divisions: ["library", "it-services"] },
  { name: "Copyright", type: "professional", areas: ["copyright", "licensing"], divisions: ["library", "legal-compliance"] },
  { name: "Governance", type: "professional", areas: ["governance", "committee-papers"], divisions: ["executive-office", "legal-compliance"] },
  { name: "Committee Services", type: "professional", areas: ["committee-papers", "minute-taking"], divisions: ["executive-office", "academic-departments"] },
  { name: "Policy", type: "professional", areas: ["policy-writing", "policy-review"], divisions: ["executive-office", "legal-compliance"] },
  { name: "Data Protection", type: "professional", areas: ["data-protection", "gdpr"], divisions: ["legal-compliance", "it-services"] },
  { name: "Freedom of Information", type: "professional", areas: ["freedom-of-information", "records-management"], divisions: ["legal-compliance"] },
  { name: "Risk Management", type: "professional", areas: ["risk-management", "compliance-monitoring"], divisions: ["legal-compliance", "finance"] },
  { name: "Contract Management", type: "professional", areas: ["contracts", "procurement"], divisions: ["legal-compliance", "finance"] },
  { name: "Records Management", type: "professional", areas: ["records-management", "information-governance"], divisions: ["legal-compliance", "library"] },
  { name: "Alumni Engagement", type: "professional", areas: ["alumni-relations", "events"], divisions: ["development-alumni"] },
  { name: "Fundraising", type: "professional", areas: ["fundraising", "stewardship"], divisions: ["development-alumni"] },
  { name: "Supporter Data", type: "professional", areas: ["supporter-data", "crm"], divisions: ["development-alumni", "it-services"] },
  { name: "Teaching Support", type: "professional", areas: ["teaching-support", "virtual-learning-environment"], divisions: ["academic-departments"] },
  { name: "Laboratory Management", type: "professional", areas: ["lab-management", "health-and-safety"], divisions: ["academic-departments", "estates"] },
  { name: "Quality Assurance", type: "professional", areas: ["quality-assurance", "programme-approval"], divisions: ["academic-departments", "student-administration"] },
  { name: "Postgraduate Research Support", type: "professional", areas: ["postgraduate-research", "student-support"], divisions: ["academic-departments", "research-services"] },
  { name: "Department Administration", type: "professional", areas: ["programme-administration", "office-management"], divisions: ["academic-departments"] },
  { name: "Customer Service", type: "professional", areas: ["customer-service", "service-design"], divisions: [] },
  { name: "Line Management", type: "professional", areas: ["line-management", "coaching"], divisions: [] },
  { name: "Coaching and Mentoring", type: "professional", areas: ["coaching", "mentoring"], divisions: [] },
  { name: "Change Management", type: "professional", areas: ["change-management", "communication"], divisions: [] },
  { name: "Process Improvement", type: "professional", areas: ["process-improvement", "lean"], divisions: [] },
  { name: "Minute Taking", type: "professional", areas: ["minute-taking", "committee-papers"], divisions: ["executive-office", "academic-departments"] },
  { name: "Diary Management", type: "professional", areas: ["diary-management", "inbox-management"], divisions: ["executive-office"] },
  { name: "Business Analysis", type: "professional", areas: ["business-analysis", "requirements"], divisions: ["it-services", "finance"] },
  { name: "Service Design", type: "professional", areas: ["service-design", "user-research"], divisions: ["it-services", "communications-marketing"] },
  // Technology practice areas
  { name: "Data Analytics", type: "technology", areas: ["data-analysis", "reporting"], divisions: ["it-services", "finance", "student-administration"] },
  { name: "Power BI", type: "technology", areas: ["power-bi", "data-visualisation"], divisions: ["it-services", "finance"] },
  { name: "Excel", type: "technology", areas: ["excel", "spreadsheets"], divisions: [] },
  { name: "SharePoint", type: "technology", areas: ["sharepoint", "intranet"], divisions: ["it-services", "communications-marketing"] },
  { name: "Python", type: "technology", areas: ["python", "scripting"], divisions: ["it-services", "academic-departments"] },
  { name: "Cloud Platforms", type: "technology", areas: ["cloud", "infrastructure"], divisions: ["it-services"] },
  { name: "Automation", type: "technology", areas: ["automation", "low-code"], divisions: ["it-services", "finance", "hr"] },
  { name: "Digital Accessibility", type: "technology", areas: ["accessibility", "accessibility-testing"], divisions: ["it-services", "communications-marketing", "library"] },
  { name: "User Experience", type: "technology", areas: ["user-experience", "user-research"], divisions: ["it-services", "communications-marketing"] },
  { name: "Information Security", type: "technology", areas: ["information-security", "phishing-awareness"], divisions: ["it-services", "legal-compliance"] },
  { name: "Service Management", type: "technology", areas: ["service-management", "itil"], divisions: ["it-services"] },
  { name: "Low-code Apps", type: "technology", areas: ["low-code", "automation"], divisions: ["it-services", "student-administration"] },
  { name: "Research Software", type: "technology", areas: ["research-software", "python", "reproducibility"], divisions: ["academic-departments", "it-services", "library"] },
  { name: "Generative AI", type: "technology", areas: ["generative-ai", "ethics"], divisions: [] },
  { name: "Open Source", type: "technology", areas: ["open-source", "software-development"], divisions: ["it-services", "academic-departments"] },
  { name: "DevOps", type: "technology", areas: ["devops", "cloud"], divisions: ["it-services"] },
  { name: "Web Development", type: "technology", areas: ["web-development", "accessibility"], divisions: ["it-services", "communications-marketing"] },
  { name: "CRM Systems", type: "technology", areas: ["crm", "supporter-data"], divisions: ["development-alumni", "student-administration", "it-services"] },
  { name: "Learning Technology", type: "technology", areas: ["virtual-learning-environment", "digital-education"], divisions: ["academic-departments", "library", "it-services"] },
  { name: "Data Visualisation", type: "technology", areas: ["data-visualisation", "reporting"], divisions: ["it-services", "research-services"] },
  { name: "Student Systems", type: "technology", areas: ["student-systems", "student-records"], divisions: ["student-administration", "it-services"] },
  // Interest-based groups
  { name: "Book", type: "interest", areas: ["reading", "social"], divisions: [], phrase: "books and reading", forms: ["Club"] },
  { name: "Running", type: "interest", areas: ["running", "wellbeing"], divisions: [], phrase: "running", forms: ["Club", "Group"] },
  { name: "Photography", type: "interest", areas: ["photography", "creativity"], divisions: [], forms: ["Club", "Circle", "Society"] },
  { name: "Gardening", type: "interest", areas: ["gardening", "sustainability"], divisions: [], forms: ["Club", "Group"] },
  { name: "Cycling", type: "interest", areas: ["cycling", "active-travel"], divisions: [], forms: ["Club", "Network", "Group"] },
  { name: "Language Exchange", type: "interest", areas: ["languages", "culture"], divisions: [], forms: ["Circle", "Group", "Café"] },
  { name: "Parents and Carers", type: "interest", areas: ["caring", "wellbeing", "flexible-working"], divisions: [], forms: ["Network", "Forum"] },
  { name: "Neurodiversity", type: "interest", areas: ["neurodiversity", "inclusion"], divisions: [], forms: ["Network", "Peer Support Group"] },
  { name: "LGBTQ+ Staff", type: "interest", areas: ["lgbtq", "inclusion"], divisions: [], phrase: "LGBTQ+ life at work", forms: ["Network", "Forum"] },
  { name: "Women in Leadership", type: "interest", areas: ["leadership", "gender-equality"], divisions: [], phrase: "women in leadership", forms: ["Network", "Circle"] },
  { name: "Disabled Staff", type: "interest", areas: ["disability", "inclusion"], divisions: [], phrase: "disability and work", forms: ["Network", "Forum"] },
  { name: "Menopause Support", type: "interest", areas: ["menopause", "wellbeing"], divisions: [], phrase: "menopause at work", forms: ["Group", "Network", "Café"] },
  { name: "Mental Health First Aiders", type: "interest", areas: ["mental-health", "wellbeing"], divisions: [], phrase: "mental health first aid", forms: ["Network", "Forum"] },
  { name: "Green Champions", type: "interest", areas: ["sustainability", "net-zero"], divisions: [], phrase: "greener ways of working", forms: ["Network", "Group"] },
  { name: "Volunteering", type: "interest", areas: ["volunteering", "civic-engagement"], divisions: [], forms: ["Network", "Group"] },
  { name: "Board Games", type: "interest", areas: ["games", "social"], divisions: [], forms: ["Club", "Group", "Society"] },
  { name: "Staff Choir", type: "interest", areas: ["music", "wellbeing"], divisions: [], phrase: "singing together", forms: [""] },
  { name: "Early Career Staff", type: "interest", areas: ["career-development", "networking"], divisions: [], phrase: "starting out in a career", forms: ["Network", "Forum", "Circle"] },
  { name: "Welsh Speakers", type: "interest", areas: ["welsh-language", "culture"], divisions: [], phrase: "speaking Welsh at work", forms: ["Network", "Group"] },
  { name: "Gaelic Speakers", type: "interest", areas: ["gaelic-language", "culture"], divisions: [], phrase: "speaking Gaelic at work", forms: ["Network", "Group"] },
  { name: "Craft and Making", type: "interest", areas: ["crafts", "creativity"], divisions: [], forms: ["Club", "Circle"] },
  { name: "Race Equality", type: "interest", areas: ["race-equality", "inclusion"], divisions: [], forms: ["Network", "Forum"] },
  { name: "Walking", type: "interest", areas: ["walking", "wellbeing"], divisions: [], forms: ["Group", "Club"] },
  { name: "Faith and Belief", type: "interest", areas: ["faith", "inclusion"], divisions: [], forms: ["Network", "Forum"] },
];

export const TAGLINES: Readonly<Record<TopicType | "geographic", readonly string[]>> = {
  professional: [
    "Sharing know-how on {topic} across every division.",
    "Where colleagues working on {topic} compare notes.",
    "Peer support and practical tips for {topic}.",
    "Getting better at {topic}, together.",
    "Bringing people who work on {topic} out of their silos.",
    "Questions, answers and good practice in {topic}.",
  ],
  technology: [
    "Hands-on help and show-and-tell for {topic}.",
    "For anyone building, using or curious about {topic}.",
    "Swapping tips, scripts and lessons learned in {topic}.",
    "A friendly place to ask about {topic}, however basic.",
  ],
  interest: [
    "Colleagues who share an interest in {topic}.",
    "A friendly space for {topic}, away from the day job.",
    "Meet people from other teams through {topic}.",
    "Support, company and conversation about {topic}.",
  ],
  geographic: [
    "Connecting colleagues who work {where}.",
    "Local news, events and friendly faces for everyone working {where}.",
    "One workplace, whatever your team: a network for colleagues {where}.",
  ],
};

export const DESCRIPTION_WHO: Readonly<Record<TopicType | "geographic", readonly string[]>> = {
  professional: [
    "This {form} is for anyone whose work involves {topic}, whether you are new to it or have done it for years. Members come from {divisions} and beyond.",
    "We bring together colleagues who deal with {topic} day to day, so nobody has to solve the same problem alone. Most members work in {divisions}, but everyone is welcome.",
    "People working on {topic} are spread across many teams. This {form} gives them one place to ask questions, share what works and spot processes that could be joined up.",
  ],
  technology: [
    "This {form} is open to everyone who uses or builds with {topic}, from first-timers to specialists. Members come from {divisions} and plenty of other places.",
    "Whether {topic} is your job or something you picked up along the way, you'll find people here who have hit the same error messages. Most of us work in {divisions}.",
    "Plenty of colleagues use {topic} without anyone to ask when it misbehaves. This {form} is where they find each other, swap fixes and share what they have built.",
  ],
  interest: [
    "A relaxed group for colleagues interested in {topic}. No expertise needed, just some curiosity and a willingness to chat.",
    "This {form} grew out of a few conversations about {topic} and now welcomes anyone on the staff who wants to join in.",
  ],
  geographic: [
    "This {form} helps people who work {where} get to know each other across divisions, hear what is happening locally and welcome new starters.",
    "Colleagues working {where} come from dozens of teams and rarely meet. This {form} gives them a shared noticeboard, a voice in local decisions and someone to ask.",
  ],
};

export const DESCRIPTION_WHAT: readonly string[] = [
  "We meet {rhythm}, keep notes and recordings in the community archive, and use the forum for quick questions in between.",
  "Activities include {activity} and {activity2}. We get together {rhythm}.",
  "Expect {activity}, a shared collection of {resource}, and a warm welcome for newcomers. We meet {rhythm}.",
  "Members take turns hosting {activity}, and we keep our {resource} up to date together. We meet {rhythm}.",
];

export const RHYTHMS: readonly string[] = [
  "monthly, on the first Tuesday",
  "every other Thursday over lunch",
  "once a term in person",
  "quarterly, alternating between online and on campus",
  "for a short online drop-in each week",
  "monthly, on the last Wednesday",
  "every six weeks",
];

export const ACTIVITIES: readonly string[] = [
  "lightning talks",
  "show-and-tell sessions",
  "peer mentoring",
  "an annual unconference",
  "hands-on workshops",
  "a reading group",
  "problem-solving clinics",
  "visits to other teams",
  "walking meetings",
  "guest speakers from other organisations",
];

export const RESOURCES: readonly string[] = [
  "templates",
  "tip-sheets",
  "checklists",
  "how-to guides",
  "recorded talks",
  "worked examples",
];

// Readable words for demo passwords ("convene-<word>-<digits>").
// biome-ignore format: packed word lists are easier to scan and extend
export const PASSWORD_WORDS: readonly string[] = [
  "harbour", "lantern", "meadow", "compass", "orchard", "beacon", "thistle", "kestrel", "granite", "willow",
  "saffron", "juniper", "copper", "heather", "falcon", "marble", "puffin", "bramble", "cobalt", "estuary",
];
