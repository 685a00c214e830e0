-- The record tables of the store tests' schema (test_schema.cc), in the store's conventions:
-- `council char(9)` first, the schema's columns under their own names, primary key (council,
-- key...), dates `date`, date-times text, whole numbers smallint. No constraints beyond the
-- keys: every rule under test is the store's own.
CREATE TABLE children (
  council       char(9) NOT NULL,
  person_id     text NOT NULL,
  dob           date,
  expected_dob  date,
  sex           text NOT NULL,
  locality      text,
  PRIMARY KEY (council, person_id)
);

CREATE TABLE care_episodes (
  council     char(9) NOT NULL,
  episode_id  text NOT NULL,
  person_id   text NOT NULL,
  start_date  date NOT NULL,
  end_date    date,
  PRIMARY KEY (council, episode_id)
);

CREATE TABLE placements (
  council       char(9) NOT NULL,
  placement_id  text NOT NULL,
  episode_id    text NOT NULL,
  start_date    date NOT NULL,
  end_date      date,
  type          text NOT NULL,
  PRIMARY KEY (council, placement_id)
);

CREATE TABLE reviews (
  council       char(9) NOT NULL,
  review_id     text NOT NULL,
  person_id     text NOT NULL,
  type          text NOT NULL,
  meeting_date  date NOT NULL,
  PRIMARY KEY (council, review_id)
);

CREATE TABLE review_items (
  council    char(9) NOT NULL,
  review_id  text NOT NULL,
  item       text NOT NULL,
  value      text NOT NULL,
  PRIMARY KEY (council, review_id, item)
);

CREATE TABLE incidents (
  council      char(9) NOT NULL,
  incident_id  text NOT NULL,
  person_id    text NOT NULL,
  type         text NOT NULL,
  start        text NOT NULL,
  "end"        text,
  PRIMARY KEY (council, incident_id)
);

CREATE TABLE status_snapshots (
  council      char(9) NOT NULL,
  person_id    text NOT NULL,
  as_at        date NOT NULL,
  leaver_scqf  smallint,
  PRIMARY KEY (council, person_id, as_at)
);

CREATE TABLE survey_responses (
  council      char(9) NOT NULL,
  response_id  text NOT NULL,
  person_id    text,
  respondent   text NOT NULL,
  survey_date  date NOT NULL,
  context      text,
  item         text NOT NULL,
  answer       text NOT NULL,
  PRIMARY KEY (council, response_id, item)
);
