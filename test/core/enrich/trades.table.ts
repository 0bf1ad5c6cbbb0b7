/**
 * Company / position pairs with the expected industry (data/industries.json id) and role family
 * (data/roles.json id), written for this test: synthetic companies (Acme, Northwind, Lumen...) mixed
 * with well-known employers, in the noisy forms titles take on LinkedIn ("Founder & CEO @ X |
 * Speaker | LION", emoji, other languages). No row is copied from a real person's profile.
 * '' means "nothing should be inferred". Rows are `company ;; position ;; industry ;; family`.
 */
const ROWS = `
Google ;; Senior Software Engineer ;; software ;; engineering
Microsoft ;; Principal Program Manager ;; software ;; operations
Acme Software GmbH ;; Softwareentwickler ;; software ;; engineering
Northwind Technologies ;; Full Stack Developer | React | Node.js ;; software ;; engineering
Lumen Labs ;; Founder & CEO @ Lumen Labs | Speaker | LION ;; software ;; leadership
Brightwave AI ;; Machine Learning Engineer ;; software ;; data
CloudNine SaaS Inc. ;; VP Sales EMEA ;; software ;; sales
Datastream Analytics ;; Senior Data Scientist ;; software ;; data
Salesforce ;; Account Executive ;; software ;; sales
SAP ;; Product Owner ;; software ;; product
Atlassian ;; Staff Product Designer ;; software ;; design
Shopify ;; Engineering Manager ;; software ;; engineering
Spotify ;; Head of Growth Marketing ;; software ;; marketing
Stripe ;; Software Engineer, Payments ;; software ;; engineering
Infosys ;; Technology Analyst ;; software ;; engineering
Wipro ;; Project Lead ;; software ;; operations
Zalando ;; Senior Frontend Engineer ;; software ;; engineering
Helix Cyber Security Ltd ;; Penetration Tester ;; software ;; engineering
Quantum Apps ;; iOS Developer ;; software ;; engineering
Acme Digital ;; DevOps Engineer ;; software ;; engineering
Pixelforge Games ;; Game Designer ;; software ;; design
Nimbus Cloud Solutions ;; Cloud Architect ;; software ;; engineering
Kodex Informatik AG ;; Informatiker ;; software ;; engineering
Webcraft.io ;; CTO & Co-Founder ;; software ;; leadership
Tecnologías Andinas S.A. ;; Desarrollador Backend ;; software ;; engineering
Acme SaaS ;; Customer Success Manager ;; software ;; sales
Orbital Data Systems ;; Data Engineer ;; software ;; engineering
Sentinel Cybersecurity ;; Chief Information Security Officer ;; software ;; engineering
GitHub ;; Developer Advocate ;; software ;; engineering
Figma ;; UX Researcher ;; software ;; design
Goldman Sachs ;; Vice President, Investment Banking ;; financial-services ;; finance
JPMorgan Chase & Co. ;; Executive Director ;; financial-services ;; leadership
Deutsche Bank ;; Relationship Manager ;; financial-services ;; sales
Santander ;; Gerente de Sucursal ;; financial-services ;; leadership
First Harbor Bank ;; Loan Officer ;; financial-services ;; finance
Pinecrest Credit Union ;; Member Service Representative ;; financial-services ;; operations
Summit Wealth Management ;; Financial Advisor ;; financial-services ;; finance
BlackRock ;; Portfolio Manager ;; financial-services ;; finance
Sparkasse Rhein ;; Bankkaufmann ;; financial-services ;; 
Revolut ;; Compliance Officer ;; financial-services ;; legal
Meridian Capital Markets ;; Equity Trader ;; financial-services ;; finance
Nova Payments ;; Head of Risk ;; financial-services ;; finance
HSBC ;; Analyst ;; financial-services ;; 
Silverline Asset Management ;; Investment Analyst ;; financial-services ;; finance
Harbor Mortgage Co ;; Mortgage Loan Originator ;; financial-services ;; finance
Deloitte ;; Audit Senior ;; accounting ;; finance
PwC ;; Tax Manager ;; accounting ;; finance
KPMG ;; Senior Associate, Audit & Assurance ;; accounting ;; finance
EY ;; Partner ;; accounting ;; leadership
Smith & Lee CPAs ;; Staff Accountant ;; accounting ;; finance
Johnson CPA Group ;; Tax Preparer ;; accounting ;; finance
Müller Steuerberatung ;; Steuerberater ;; accounting ;; finance
Grant Thornton LLP ;; Audit Manager ;; accounting ;; finance
Acme Bookkeeping Services ;; Bookkeeper ;; accounting ;; finance
Cabinet Dupont Expertise Comptable ;; Expert-comptable ;; accounting ;; finance
BDO ;; Payroll Specialist ;; accounting ;; finance
Riverside Accounting ;; Owner ;; accounting ;; leadership
Martin & Partners Chartered Accountants ;; Chartered Accountant ;; accounting ;; finance
Baker McKenzie ;; Associate ;; legal ;; 
Clifford Chance ;; Senior Associate, Banking & Finance ;; legal ;; finance
Smith & Jones LLP ;; Partner ;; legal ;; leadership
Hartley Law Group ;; Attorney ;; legal ;; legal
Brennan Legal ;; Paralegal ;; legal ;; legal
Weber Rechtsanwälte ;; Rechtsanwalt ;; legal ;; legal
Cabinet Martin Avocats ;; Avocate associée ;; legal ;; legal
García Abogados ;; Abogado ;; legal ;; legal
Oakridge Solicitors ;; Solicitor ;; legal ;; legal
Acme Corp ;; General Counsel ;; legal ;; legal
Northwind Inc. ;; Legal Counsel EMEA ;; legal ;; legal
Davis & Cole, PLLC ;; Managing Partner ;; legal ;; leadership
Latham & Watkins ;; Litigation Associate ;; legal ;; legal
Kanzlei Becker ;; Syndikusrechtsanwältin ;; legal ;; legal
Robert Half ;; Recruiting Manager ;; staffing ;; hr-recruiting
Hays ;; Senior Recruitment Consultant ;; staffing ;; hr-recruiting
Apex Talent Solutions ;; Technical Recruiter ;; staffing ;; hr-recruiting
Summit Executive Search ;; Partner ;; staffing ;; leadership
Randstad ;; Account Manager ;; staffing ;; sales
Bluebird Staffing ;; Staffing Coordinator ;; staffing ;; hr-recruiting
Acme Recruitment Ltd ;; Director ;; staffing ;; leadership
Korn Ferry ;; Senior Client Partner ;; staffing ;; leadership
Acme ;; Talent Acquisition Partner ;; staffing ;; hr-recruiting
Lumen Personalberatung ;; Personalberaterin ;; staffing ;; hr-recruiting
Keller Williams Realty ;; Realtor ;; real-estate ;; sales
Coastal Realty Group ;; Real Estate Agent ;; real-estate ;; sales
CBRE ;; Senior Director, Capital Markets ;; real-estate ;; leadership
Sunset Properties LLC ;; Property Manager ;; real-estate ;; operations
Acme Homes ;; Sales Consultant ;; real-estate ;; sales
RE/MAX Elite ;; Broker Associate ;; real-estate ;; sales
Vonovia ;; Immobilienkaufmann ;; real-estate ;; 
JLL ;; Leasing Manager ;; real-estate ;; 
Greystone Commercial Real Estate ;; Investment Sales Associate ;; real-estate ;; sales
Hausmann Immobilien GmbH ;; Immobilienmakler ;; real-estate ;; sales
Compass ;; Licensed Real Estate Salesperson ;; real-estate ;; sales
St. Mary's Hospital ;; Registered Nurse ;; healthcare ;; medicine
Mayo Clinic ;; Physician ;; healthcare ;; medicine
Kaiser Permanente ;; Nurse Practitioner ;; healthcare ;; medicine
Bright Smile Dental ;; Dentist ;; healthcare ;; medicine
Klinikum Nord ;; Oberärztin Kardiologie ;; healthcare ;; medicine
Charité – Universitätsmedizin Berlin ;; Assistenzarzt ;; healthcare ;; medicine
Valley Physical Therapy ;; Physical Therapist ;; healthcare ;; medicine
Hôpital Saint-Louis ;; Infirmière ;; healthcare ;; medicine
NHS ;; Staff Nurse ;; healthcare ;; medicine
Greenfield Medical Center ;; Medical Assistant ;; healthcare ;; medicine
Acme Health ;; Head of Operations ;; healthcare ;; operations
Hope Behavioral Health ;; Licensed Clinical Social Worker ;; healthcare ;; medicine
Clínica San José ;; Médico General ;; healthcare ;; medicine
Riverside Veterinary Clinic ;; Veterinarian ;; healthcare ;; medicine
Walgreens ;; Pharmacist ;; healthcare ;; medicine
Pfizer ;; Medical Science Liaison ;; biotech-pharma ;; medicine
Novartis ;; Clinical Research Associate ;; biotech-pharma ;; research
Helios Therapeutics ;; Senior Scientist, Oncology ;; biotech-pharma ;; research
Genova Biosciences ;; Research Associate ;; biotech-pharma ;; research
Roche ;; Regulatory Affairs Manager ;; biotech-pharma ;; 
BioNTech ;; Laborleiter ;; biotech-pharma ;; research
Acme Pharmaceuticals ;; Sales Representative ;; biotech-pharma ;; sales
Medtronic ;; Territory Manager ;; biotech-pharma ;; sales
Vireo Genomics ;; Bioinformatician ;; biotech-pharma ;; research
Cellara Biologics ;; VP, Quality ;; biotech-pharma ;; operations
Moderna ;; Director, Drug Safety ;; biotech-pharma ;; 
Apex Diagnostics ;; Lab Technician ;; biotech-pharma ;; research
Stanford University ;; PhD Candidate ;; education ;; research
University of Michigan ;; Associate Professor ;; education ;; teaching
Lincoln High School ;; Math Teacher ;; education ;; teaching
Technische Universität München ;; Wissenschaftlicher Mitarbeiter ;; education ;; research
Université de Lyon ;; Maître de conférences ;; education ;; 
Green Valley Elementary School ;; Principal ;; education ;; leadership
Coursera ;; Instructional Designer ;; education ;; design
Acme Academy ;; English Tutor ;; education ;; teaching
Universidad de Buenos Aires ;; Profesora ;; education ;; teaching
Kaplan ;; Test Prep Instructor ;; education ;; teaching
Oakwood College ;; Dean of Students ;; education ;; teaching
Gymnasium am Stadtpark ;; Lehrerin ;; education ;; teaching
Harvard University ;; Research Fellow ;; education ;; research
Ogilvy ;; Creative Director ;; marketing-advertising ;; design
WPP ;; Media Planner ;; marketing-advertising ;; 
Brightside Marketing Agency ;; SEO Specialist ;; marketing-advertising ;; marketing
Spark Digital Agency ;; Social Media Manager ;; marketing-advertising ;; marketing
Acme Communications ;; PR Manager ;; marketing-advertising ;; marketing
Jung von Matt ;; Art Director ;; marketing-advertising ;; design
Publicis Sapient ;; Senior Copywriter ;; marketing-advertising ;; marketing
Edelman ;; Account Supervisor ;; marketing-advertising ;; 
Havas ;; Chef de projet digital ;; marketing-advertising ;; operations
Lumen Werbeagentur GmbH ;; Geschäftsführer ;; marketing-advertising ;; leadership
Acme Brand Studio ;; Brand Strategist ;; marketing-advertising ;; marketing
Northwind Inc. ;; Director of Marketing ;; marketing-advertising ;; marketing
Acme Corp ;; Content Marketing Manager | Storyteller | Coffee lover ;; marketing-advertising ;; marketing
DHL ;; Operations Supervisor ;; logistics ;; operations
FedEx ;; Courier ;; logistics ;; 
Maersk ;; Logistics Coordinator ;; logistics ;; operations
Kühne + Nagel ;; Speditionskaufmann ;; logistics ;; 
Swift Freight Solutions ;; Dispatcher ;; logistics ;; operations
Acme Logistics ;; Supply Chain Analyst ;; logistics ;; operations
TransAtlantic Shipping ;; Chartering Manager ;; logistics ;; 
Roadrunner Trucking LLC ;; Truck Driver ;; logistics ;; operations
Lufthansa ;; Flight Attendant ;; logistics ;; operations
Delta Air Lines ;; First Officer ;; logistics ;; 
DB Schenker ;; Key Account Manager ;; logistics ;; sales
Shell ;; Petroleum Engineer ;; energy ;; engineering
BP ;; Trader, Natural Gas ;; energy ;; finance
Sunbeam Solar ;; Solar Installer ;; energy ;; 
Northwind Energy ;; Project Developer, Wind ;; energy ;; engineering
RWE ;; Ingenieur Netzbetrieb ;; energy ;; engineering
Acme Power & Light ;; Lineman ;; energy ;; 
Stadtwerke Lindau ;; Kaufmännische Leiterin ;; energy ;; leadership
Iberdrola ;; Ingeniera de Renovables ;; energy ;; engineering
Ørsted ;; Offshore Wind Technician ;; energy ;; engineering
Vestas ;; Service Technician ;; energy ;; engineering
Marriott International ;; Front Desk Agent ;; hospitality ;; 
Hilton ;; General Manager ;; hospitality ;; leadership
The Olive Tree Restaurant ;; Head Chef ;; hospitality ;; operations
Café Lumière ;; Barista ;; hospitality ;; operations
Seaside Resort & Spa ;; Spa Manager ;; hospitality ;; 
Acme Travel ;; Travel Consultant ;; hospitality ;; consulting
Hotel Adlon ;; Revenue Manager ;; hospitality ;; 
Starbucks ;; Shift Supervisor ;; hospitality ;; 
Blue Bay Hotels ;; Director of Sales ;; hospitality ;; sales
Walmart ;; Store Manager ;; retail ;; sales
IKEA ;; Visual Merchandiser ;; retail ;; sales
Zara ;; Sales Associate ;; retail ;; sales
Sephora ;; Beauty Advisor ;; retail ;; sales
Acme Fashion Boutique ;; Owner ;; retail ;; leadership
Procter & Gamble ;; Brand Manager ;; retail ;; marketing
Unilever ;; Customer Development Manager ;; retail ;; 
L'Oréal ;; Trade Marketing Manager ;; retail ;; marketing
Nike ;; Product Line Manager ;; retail ;; product
Lidl ;; Filialleiterin ;; retail ;; 
Target ;; Guest Advocate ;; retail ;; 
Siemens ;; Projektleiter ;; manufacturing ;; operations
Bosch ;; Process Engineer ;; manufacturing ;; engineering
BASF ;; Chemist ;; manufacturing ;; research
Acme Manufacturing Co ;; Plant Manager ;; manufacturing ;; operations
Northwind Industries ;; Quality Engineer ;; manufacturing ;; engineering
Precision Metals Inc ;; CNC Machinist ;; manufacturing ;; engineering
Trumpf ;; Maschinenbauingenieur ;; manufacturing ;; engineering
Acme Plastics ;; Production Supervisor ;; manufacturing ;; operations
3M ;; Six Sigma Black Belt ;; manufacturing ;; 
Müller Maschinenbau GmbH ;; Konstrukteur ;; manufacturing ;; 
ASML ;; Mechanical Engineer ;; manufacturing ;; engineering
Infineon ;; Test Engineer ;; manufacturing ;; engineering
U.S. Department of State ;; Foreign Service Officer ;; government ;; 
City of Austin ;; Senior Planner ;; government ;; 
European Commission ;; Policy Officer ;; government ;; 
Bundesministerium der Finanzen ;; Referentin ;; government ;; 
US Army ;; Captain ;; government ;; 
Ministerio de Economía ;; Asesor ;; government ;; consulting
County of Orange ;; Social Worker ;; government ;; medicine
Metropolitan Police Service ;; Police Officer ;; government ;; 
State of California ;; Program Analyst ;; government ;; 
United Nations ;; Programme Officer ;; government ;; 
Red Cross ;; Volunteer Coordinator ;; non-profit ;; 
Hope Foundation ;; Executive Director ;; non-profit ;; leadership
Acme Stiftung ;; Projektmanagerin ;; non-profit ;; operations
Greenpeace ;; Campaigner ;; non-profit ;; 
Save the Children ;; Fundraising Manager ;; non-profit ;; 
Habitat for Humanity ;; Construction Manager ;; non-profit ;; operations
Bright Futures Charity ;; Trustee ;; non-profit ;; 
Friends of the Library Association ;; Board Member ;; non-profit ;; leadership
McKinsey & Company ;; Engagement Manager ;; consulting ;; consulting
Boston Consulting Group (BCG) ;; Consultant ;; consulting ;; consulting
Bain & Company ;; Associate Consultant ;; consulting ;; consulting
Accenture ;; Senior Manager, Strategy ;; consulting ;; consulting
Acme Consulting ;; Principal ;; consulting ;; leadership
Roland Berger ;; Senior Consultant ;; consulting ;; consulting
Lumen Advisory Partners ;; Managing Director ;; consulting ;; leadership
Schmidt Unternehmensberatung ;; Unternehmensberater ;; consulting ;; consulting
Northwind Consulting Group ;; Business Analyst ;; consulting ;; consulting
Self-employed ;; Independent Consultant ;; consulting ;; consulting
Capgemini Invent ;; Manager ;; consulting ;; 
The New York Times ;; Reporter ;; media ;; marketing
BBC ;; Producer ;; media ;; marketing
Axel Springer ;; Redakteurin ;; media ;; marketing
Acme Pictures ;; Film Editor ;; media ;; marketing
Penguin Random House ;; Editorial Assistant ;; media ;; 
Lumen Studios ;; VFX Artist ;; media ;; 
Bloomberg ;; News Anchor ;; media ;; 
Netflix ;; Content Strategist ;; software ;; marketing
Acme Records ;; A&R Manager ;; media ;; 
Radio Northwind ;; Host ;; media ;; 
Skanska ;; Project Engineer ;; construction ;; engineering
Turner Construction ;; Superintendent ;; construction ;; operations
Acme Builders ;; Estimator ;; construction ;; operations
Northwind Roofing ;; Owner ;; construction ;; leadership
Gensler ;; Architect ;; construction ;; design
Hochtief ;; Bauleiter ;; construction ;; operations
Lumen Architekten ;; Architektin ;; construction ;; design
Acme Plumbing & Heating ;; Plumber ;; construction ;; operations
Arup ;; Structural Engineer ;; construction ;; engineering
Constructora Andina ;; Jefe de Obra ;; construction ;; 
Allianz ;; Versicherungsmakler ;; insurance ;; 
State Farm ;; Insurance Agent ;; insurance ;; sales
AXA ;; Actuary ;; insurance ;; finance
Acme Insurance Agency ;; Owner ;; insurance ;; leadership
Munich Re ;; Underwriter ;; insurance ;; finance
Liberty Mutual ;; Claims Adjuster ;; insurance ;; finance
Aon ;; Account Executive ;; insurance ;; sales
Northwind Versicherung AG ;; Schadenregulierer ;; insurance ;; 
Verizon ;; RF Engineer ;; telecom ;; engineering
Deutsche Telekom ;; Produktmanager ;; telecom ;; product
Vodafone ;; Head of Enterprise Sales ;; telecom ;; sales
Acme Wireless ;; Tower Technician ;; telecom ;; engineering
Ericsson ;; Solution Architect ;; telecom ;; engineering
Orange Business ;; Chef de projet ;; telecom ;; operations
AT&T ;; Retail Sales Consultant ;; telecom ;; sales
BMW Group ;; Entwicklungsingenieur ;; automotive ;; engineering
Tesla ;; Service Advisor ;; automotive ;; sales
Toyota ;; Production Engineer ;; automotive ;; engineering
Acme Motors ;; Sales Manager ;; automotive ;; sales
Autohaus Becker ;; Kfz-Mechatroniker ;; automotive ;; 
Volkswagen ;; Teamleiter Controlling ;; automotive ;; finance
Continental ;; Software Developer ;; manufacturing ;; engineering
Riverside Chevrolet ;; Finance Manager ;; automotive ;; finance
Boeing ;; Aerospace Engineer ;; aerospace ;; engineering
Airbus ;; Ingénieur Structures ;; aerospace ;; engineering
SpaceX ;; Propulsion Engineer ;; aerospace ;; engineering
Lockheed Martin ;; Systems Engineer ;; aerospace ;; engineering
Acme Aerospace ;; Program Manager ;; aerospace ;; operations
Rheinmetall ;; Vertriebsleiter ;; aerospace ;; sales
Northwind Drones ;; Founder ;; aerospace ;; leadership
Green Acres Farm ;; Farm Manager ;; agriculture ;; operations
Syngenta ;; Agronomist ;; agriculture ;; 
Sunny Valley Vineyards ;; Winemaker ;; agriculture ;; 
Acme Agro ;; Sales Representative ;; agriculture ;; sales
Cargill ;; Commodity Trader ;; agriculture ;; finance
Hof Meyer ;; Landwirt ;; agriculture ;; operations
Nestlé ;; Food Technologist ;; food-beverage ;; 
PepsiCo ;; Category Manager ;; food-beverage ;; 
Acme Brewing Company ;; Head Brewer ;; food-beverage ;; 
Heineken ;; Trade Marketing Manager ;; food-beverage ;; marketing
Northwind Foods ;; Quality Assurance Manager ;; food-beverage ;; operations
Coca-Cola ;; Key Account Manager ;; food-beverage ;; sales
Danone ;; R&D Scientist ;; food-beverage ;; research
Brauerei Lumen ;; Braumeister ;; food-beverage ;; 
Lindt & Sprüngli ;; Marketing Manager ;; food-beverage ;; marketing
Sysco ;; Marketing Associate ;; wholesale ;; marketing
Acme Distribution ;; Warehouse Manager ;; wholesale ;; operations
Northwind Wholesale ;; Buyer ;; wholesale ;; operations
Grainger ;; Account Manager ;; wholesale ;; sales
Ingram Micro ;; Channel Manager ;; wholesale ;; sales
Lumen Trading Company ;; Import/Export Specialist ;; wholesale ;; 
Sequoia Capital ;; Partner ;; venture-capital-pe ;; leadership
Andreessen Horowitz ;; Investment Partner ;; venture-capital-pe ;; finance
Acme Ventures ;; Principal ;; venture-capital-pe ;; leadership
KKR ;; Private Equity Associate ;; venture-capital-pe ;; finance
Northwind Capital Partners ;; Vice President ;; venture-capital-pe ;; leadership
Blackstone ;; Analyst, Real Estate ;; venture-capital-pe ;; 
Y Combinator ;; Group Partner ;; venture-capital-pe ;; leadership
Lumen Family Office ;; Investment Manager ;; venture-capital-pe ;; finance
Acme ;; Angel Investor | Advisor | Board Member ;; venture-capital-pe ;; finance
Live Nation ;; Event Manager ;; events ;; operations
Acme Events ;; Event Planner ;; events ;; operations
Northwind Weddings ;; Wedding Planner ;; events ;; 
Messe Frankfurt ;; Projektleiterin ;; events ;; operations
Lumen Conferences ;; Conference Producer ;; events ;; operations
Eventbrite ;; Software Engineer ;; events ;; engineering
IDEO ;; Design Lead ;; design-creative ;; design
Acme Design Studio ;; Graphic Designer ;; design-creative ;; design
Northwind Photography ;; Photographer ;; design-creative ;; design
Freelance ;; Illustrator ;; design-creative ;; design
Max Planck Institute ;; Postdoctoral Researcher ;; research ;; research
Fraunhofer ;; Wissenschaftlerin ;; research ;; research
CERN ;; Physicist ;; research ;; research
RAND Corporation ;; Policy Researcher ;; research ;; research
Acme Research Institute ;; Research Scientist ;; research ;; research
Acme Corp ;; Software Engineer ;; software ;; engineering
Acme Corp ;; HR Business Partner ;; ;; hr-recruiting
Northwind Inc. ;; Chief Financial Officer ;; ;; finance
Acme Group ;; Office Manager ;; ;; operations
Acme GmbH ;; Geschäftsführer ;; ;; leadership
Acme S.A. ;; Director General ;; ;; leadership
Acme SARL ;; Gérant ;; ;; leadership
Acme Ltda ;; Gerente Comercial ;; ;; sales
Acme Srl ;; Amministratore Delegato ;; ;; leadership
Acme B.V. ;; Operations Manager ;; ;; operations
Acme Inc. ;; Executive Assistant to the CEO ;; ;; operations
Acme ;; Student ;; ;; 
Acme ;; Freelancer ;; ;; leadership
Self-Employed ;; Entrepreneur | Investor | Dad ;; ;; leadership
Acme Holdings ;; CEO ;; ;; leadership
Northwind ;; Founder ;; ;; leadership
Acme Corp ;; Ingeniero de Software ;; software ;; engineering
Acme SAS ;; Développeur Full Stack ;; software ;; engineering
Acme Srl ;; Sviluppatore Java ;; software ;; engineering
Acme Lda ;; Engenheiro de Software ;; software ;; engineering
Acme AG ;; Leiter Vertrieb ;; ;; sales
Acme AB ;; Head of People ;; ;; hr-recruiting
Acme Oy ;; Recruiter ;; staffing ;; hr-recruiting
Acme ;; Directeur Commercial ;; ;; sales
Acme ;; Directrice des Ressources Humaines ;; ;; hr-recruiting
Acme ;; Responsable Marketing ;; marketing-advertising ;; marketing
Acme ;; Jefe de Recursos Humanos ;; ;; hr-recruiting
Acme ;; Gerente de Ventas ;; ;; sales
Acme ;; Contador Público ;; accounting ;; finance
Acme ;; Buchhalterin ;; ;; finance
Acme ;; Abogada Corporativa ;; legal ;; legal
Acme ;; Enfermera ;; healthcare ;; medicine
Acme ;; Professeur de mathématiques ;; education ;; teaching
Acme ;; 🚀 Founder | Building the future of work | Ex-Google ;; ;; leadership
Acme ;; Senior Software Engineer 👨‍💻 | Rust | Open Source ;; software ;; engineering
Acme ;; Helping founders hire great engineers | Technical Recruiter ;; staffing ;; hr-recruiting
Acme ;; CPA | Tax Advisor for Small Businesses ;; accounting ;; finance
Acme ;; Realtor® | Top Producer | Luxury Homes ;; real-estate ;; sales
Acme ;; Attorney at Law | Estate Planning ;; legal ;; legal
Acme ;; RN, BSN | ICU Nurse ;; healthcare ;; medicine
Acme ;; Data Analyst | SQL | Tableau | Python ;; software ;; data
Acme ;; Product Manager @ Acme | ex-Amazon ;; software ;; product
Acme ;; Growth Marketer · B2B SaaS ;; marketing-advertising ;; marketing
Acme ;; VP of Engineering ;; software ;; engineering
Acme ;; Head of Customer Success ;; ;; sales
Acme ;; Sales Development Representative (SDR) ;; ;; sales
Acme ;; Business Development Manager - DACH ;; ;; sales
Acme ;; Supply Chain Manager ;; logistics ;; operations
Acme ;; Procurement Specialist ;; logistics ;; operations
Acme ;; UX/UI Designer ;; software ;; design
Acme ;; Scrum Master ;; software ;; operations
Acme ;; Chief Operating Officer ;; ;; operations
Acme ;; Chief Marketing Officer ;; marketing-advertising ;; marketing
Acme ;; Chief Technology Officer ;; software ;; engineering
Acme ;; Controller ;; accounting ;; finance
Acme ;; Internal Auditor ;; accounting ;; finance
Acme ;; Marketing Intern ;; marketing-advertising ;; marketing
Acme ;; Software Engineering Intern ;; software ;; engineering
Acme ;; Werkstudent Marketing ;; marketing-advertising ;; marketing
Acme ;; Praktikant Vertrieb ;; ;; sales
Acme ;; Customer Support Specialist ;; ;; operations
`;

export type TradeRow = [string, string, string, string];

export const TRADES: TradeRow[] = ROWS.trim()
  .split('\n')
  .map((line) => {
    const [company = '', position = '', industry = '', family = ''] = line.split(/\s*;;\s*/).map((s) => s.trim());
    return [company, position, industry, family];
  });
