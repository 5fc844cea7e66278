// Open data (issue 17): what Mosquitto's dynamic security gives clients without a username —
// they read the SensorThings updates and publish nothing (mosquitto-security.ts uses these).

/** Every SensorThings MQTT topic; only the platform (the collector user) publishes here. */
export const PUBLIC_TOPICS = 'v1.1/#';

export const PUBLIC_READER_ROLE = {
  rolename: 'ioc-public-reader',
  textname: 'Reads the public SensorThings updates, publishes nothing',
  acls: [
    { acltype: 'subscribePattern' as const, topic: PUBLIC_TOPICS, allow: true },
    { acltype: 'publishClientReceive' as const, topic: PUBLIC_TOPICS, allow: true },
  ],
};

/** The group the plugin puts anonymous clients in. */
export const ANONYMOUS_READERS = {
  groupname: 'ioc-anonymous',
  textname: 'Clients without a username: public data readers',
  roles: [{ rolename: PUBLIC_READER_ROLE.rolename }],
  clients: [] as [],
};
