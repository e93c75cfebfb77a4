"""Content of the Harrow scrutiny review scope (Overview and Scrutiny, 2019)."""

from datetime import datetime

REPORT = [
    ("Report type", "scope"),
    ("Committee", "Overview and Scrutiny Committee"),
    ("Meeting date", datetime(2019, 9, 16)),
    ("Title", "Scrutiny review on shared services – Scope"),
]

SCOPE = [
    ("Subject", "SCRUTINY REVIEW ON SHARED SERVICES – Scope"),
    ("Committee", "Overview & Scrutiny"),
    ("Membership", "Councillor Honey Jamie (Co-Chair, Scrutiny Lead Member for Resources)\n"
     "Councillor Kantilal Rabadia (Co-Chair, Scrutiny Lead Member for Resources)\n"
     "Councillor Richard Almond\nCouncillor Jeff Anderson\nCouncillor Marilyn Ashton\n"
     "Councillor Maxine Henson\nCouncillor Kairul Marikar\nCouncillor Anjana Patel"),
    ("Aims/ Objectives/ Outcomes", "**Aim:**\nThe purpose of the review is to better "
     "understand and influence how Shared Services can be a part of the Council's future "
     "commissioning decisions, to deliver better outcomes for residents as well as making "
     "efficiencies for the Council.\n\n**Objectives:**\n"
     "- To understand what a shared service is and the protocol the Council follows to enter "
     "into a shared service; how this can be improved in terms of the criteria including "
     "financial, risk management, quality of service and efficiency.\n"
     "- To understand the history of Harrow's shared services and the lessons learnt, "
     "especially with regards to efficiency savings for the Council. Use the intel and "
     "lessons learnt to guide future shared service ventures.\n"
     "- To research and understand best practice, lessons learnt on sharing services and how "
     "these can be adopted and implemented at Harrow Council."),
    ("Measures of success of review", "- Development of a protocol/checklist to be completed "
     "as part of future shared service agreement process\n- Future shared services "
     "contribute to Council savings and transformation of services"),
    ("Scope", "The following council policies/strategies will be in the scope of the "
     "review:\n- Harrow Ambition Plan\n- Transformation Programme\n- Procuremnt Strategy"),
    ("Service priorities", "Evidence sources for the literature review will include:\n"
     "- National research and briefings\n- Benchmarking from neighbouring boroughs\n"
     "- Harrow Council case studies of shared services (HB Law, HR Bucks Service, Trading "
     "Standards Service, Procurement and Special Needs Transport)\n\n"
     "Witnesses will include:\n- Council officers and portfolio holders responsible for the "
     "relevant services\n\nChoose from the following:\n- Building a Better Harrow\n"
     "- Supporting Those Most in Need\n- Protecting Vital Public Services\n"
     "- Delivering a Strong local Economy for All\n- Modernising Harrow Council"),
    ("Review sponsor", "Charlie Stewart – Corporate Director of Resources"),
    ("Accountable manager", "Mark Gwynne, Interim Head of Policy"),
    ("Support officer(s)", "Charlie Stewart – Corporate Director of Resources\n"
     "Nimesh Mehta – Head of Procurement"),
    ("Administrative support", "Mohammed Ilyas, Policy Team"),
    ("External input", "The Review Group will seen the input from officers, services and "
     "portfolio holders."),
    ("Methodology", "- Literature review\n- Challenge panel(s)"),
    ("Equality implications", "The Review Group will consider, during the course of its "
     "work, how equality implications have been taken into account in current policy and "
     "practice and consider the possible implications of any changes it recommends. In "
     "undertaking the Challenge Panels, members and officers will consider their practices "
     "and how they can ensure all relevant stakeholders in the borough to have their voices "
     "heard."),
    ("Assumptions/ Constraints", None),
    ("Section 17 implications", "N/A"),
    ("Timescale", "To conclude by the end of the 2019/20 municipal year.\n\n"
     "Indicative timetable:\n- Desktop research – August/September 2019\n"
     "- Agree and sign off Scope at O&S – 16th September 2019 (Report Deadline 4th Sept "
     "2019)\n- Challenge panel(s) – October 2019\n- Drafting of final report – by November "
     "2019\n- Review Group members finalise report and recommendations – by end of November "
     "2019\n- Report and recommendations presented to O&S for endorsement – 11th February "
     "2020 (Report Deadline 29th Jan 2020)\n- Final report to Cabinet – 21st Feb 2020"),
    ("Resource commitments", "The Policy Team will provide a briefing and administrative "
     "support to the Review Group. The Policy Team will report recommendations to O&S "
     "officers from the appropriate Service Area(s)- will provide a response to Cabinet and "
     "take forward any recommendations agreed by Cabinet."),
    ("Report author", "Mohammed Ilyas, Policy Officer"),
    ("Reporting arrangements", "Outline of formal reporting process:\n"
     "- The relevant Divisional Director(s) and Portfolio Holder(s) will be consulted in the "
     "drafting of the final report and recommendations\n- Report to Overview and Scrutiny "
     "Committee\n- Report referred to Cabinet\n- Officer response to Cabinet"),
    ("Follow up arrangements (proposals)", "It is anticipated that Cabinet would consider any "
     "recommendations made (alongside the officers' response) at the Cabinet meeting in "
     "[insert month], and responded to in [insert month]."),
]

BACKGROUND = [
    "This is taken from scrutiny research paper on key strategic issues for scrutiny work "
    "programme 2018-22:",
    "The economic climate and growing pressures on public services have had a marked impact "
    "on attitudes to service transformation. CIPFA reports that 63% of senior local "
    "government executives now strongly agree the front-line will suffer if authorities do "
    "not radically change how they structure and deliver their core functions. This is "
    "manifest in figures collated by the LGA, which shows local government is leading the "
    "public sector in implementing shared services. At least 98% of councils across the "
    "country currently share services with other councils, amounting to savings of £657m "
    "across 486 shared services to date (April 2018). As well as sharing with other local "
    "authorities, there are examples of councils sharing with other public sector agencies, "
    "private sector bodies and with community and voluntary sector organisations. These "
    "arrangements can bring financial benefits to councils through the reduction of "
    "duplication, and improve customer services.",
    "Harrow Council already shares some services. HB Public Law was established in 2012 on "
    "the merging of Harrow and Barnet's legal teams, which has allowed both councils to "
    "enjoy improved services at a reduced cost. It has since expanded and is now one of the "
    "leading public sector legal practices in the UK providing legal expertise to local "
    "authorities, schools, academies, housing organisations and others in the public and "
    "not-for-profit sectors. Harrow has also partnered with Buckingham County Council to "
    "deliver HR shared services. Conversely, Harrow has also been through a disaggregation "
    "of shared services, for example with public health (formerly shared with LB Barnet) "
    "and procurement (formerly shared with LB Brent).",
    "When thinking about sharing services, the LGA recommends that councils consider what "
    "benefits sharing will bring to the service, and if sharing is the best way to achieve "
    "those benefits. In the current financial climate, the primary rationale for sharing in "
    "many cases is the opportunity to achieve economies of scale. There are differing views "
    "on whether such benefits are achievable. Some commentators disagree that sharing "
    "services to increase the volume of activity will bring economies of scale. They argue "
    "that a common result of higher-volume processing is an increase in the number of "
    "errors which then create additional work in resolving them. Other approaches to process "
    "improvement argue that economies can better be achieved by improving the flow of work "
    "rather than increasing the quantity of it. For example, eradicating unproductive "
    "activities in the processing of revenues and benefits claims will lead to shorter "
    "processing times and enable additional work to be taken on without additional cost. In "
    "a number of cases, the move to shared services has occurred in tandem with efforts to "
    "re-engineer business processes and transform service delivery.",
    "While the move to shared services presents an opportunity to redesign services and "
    "implement new, more cost-effective ways of working, there may be some work that "
    "councils need to do ahead of the change, for example to align policies or work "
    "practices, or to move to common IT platforms. Councils also need to consider whether "
    "there are any existing contracts relating to a service that would prevent them from "
    "moving to a shared service arrangement until a specific date.",
    "Some of the most commonly cited barriers to sharing are cultural or behavioural. These "
    "can include political concerns over losing sovereignty and control over council "
    "services. Many of these cultural issues depend on the maturity of the partnership. They "
    "can be overcome where there is strong and effective leadership which builds political "
    "support across the organisations and attention to cultural change to bring staff on "
    "board.",
    "In 2008 the Office of Government Commerce published lessons learned from more than 20 "
    "Gateway Reviews of shared services programmes and projects. These were:\n"
    "1. Develop a sound business case to support the decision and keep this under regular "
    "review.\n2. Develop a realistic benefits realisation plan with unequivocal buy-in from "
    "the stakeholders.\n3. Ensure the organisation has the capacity, capability and "
    "resources to deliver the shared services solution. Timescales also need to be "
    "realistic.\n4. Ensure stakeholder buy-in is obtained from the outset and sustained "
    "throughout the development and implementation of the shared services solution.\n"
    "5. Develop service level agreements which are practical and realistic.\n6. Develop "
    "sound migration and transition plans – including data migration and cleansing.\n"
    "7. Anticipate and manage staff sensitivities through effective communication.\n"
    "8. Develop a contingency plan as part of the wider risk management strategy.",
    "Lessons from shared services in other local authorities include:\n"
    "- political drive to implement shared arrangements is essential to overcome issues such "
    "as individual councils appearing to lose their political sovereignty. It is a definite "
    "advantage when both councils have the same political party in power.\n"
    "- Have an 'exit strategy' as part of the formal agreement between partners. For "
    "example, although North and North East Lincolnshire have a shared procurement "
    "arrangement, each continues to employ half of the staff making it easy for them to "
    "revert to their previous separate teams if things did not work out.\n"
    "- The process takes time. The development of shared services can take three years to "
    "work through the legal and financial implications of the establishment of a jointly "
    "owned shared service company.\n"
    "- Visit other sites to discuss their experience and to understand the problems other "
    "councils have had.",
    "Each council will need to decide its own strategy, direction and destination for shared "
    "services and management. These will not be the same. To be a provider or commissioner "
    "of services, to adopt incremental or transformational change, to share a wide range of "
    "services or a few – all are valid approaches. Resources are available to local "
    "authorities who wish to pursue options for sharing services.",
    "The LGA have produced an interactive map detailing shared services examples from "
    "councils across England. It indicates who is sharing what and the savings and benefits "
    "achieved or expected. They have also launched a shared services match making service "
    "to provide assistance to support councils who wish to share services and / or "
    "management teams with other councils. They could help Harrow connect with other "
    "councils wishing to start a new shared service and / or assist in enlarging existing "
    "arrangements. The offer includes access to funding for a dedicated shared service "
    "expert and / or paid for external mediation advice and support.",
]
