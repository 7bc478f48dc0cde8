/** How many topics an article takes, and how long each may be: the server's rule and the form's. */
export const MAX_TOPICS = 8;
export const MAX_TOPIC_LENGTH = 40;
