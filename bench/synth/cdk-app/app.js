#!/usr/bin/env node
// The AWS CDK v2 peer of `emrctl synth` on examples/quickstart, for bench/synth/run.sh --with-cdk.
//
// One stack with the same resources as emrctl's quickstart template, written the way a CDK user
// would write it (L2 constructs where CDK has them, emr.CfnCluster for the cluster):
//   VPC (1 AZ, public + private /23 subnets, 1 NAT), S3 gateway endpoint, SSM and SSM Messages
//   interface endpoints sharing one security group; the three EMR-managed security groups with
//   the rules EMR needs in a private subnet; data and logs buckets (SSE-S3, public access blocked,
//   TLS only, retained); the EMR service role (AmazonEMRServicePolicy_v2 + PassRole on the
//   instance role), the instance role and profile (SSM core + project bucket access), the
//   notebook role; the cluster (instance groups, bootstrap action, configurations, log URI,
//   auto-termination); the same nine exported outputs.
// Not included, as in emrctl's template: the jobs (EMR steps are submitted through the API) and
// asset upload (emrctl writes an asset manifest; a CDK BucketDeployment would add a Lambda-backed
// custom resource and asset staging, which would only make `cdk synth` slower).
'use strict';

const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const emr = require('aws-cdk-lib/aws-emr');
const iam = require('aws-cdk-lib/aws-iam');
const s3 = require('aws-cdk-lib/aws-s3');
const { Aws } = cdk;

const PROJECT = 'quickstart';
const SUFFIX = process.env.BENCH_NAMING_SUFFIX || 'bench001';
const EMR_TAG = { key: 'for-use-with-amazon-emr-managed-policies', value: 'true' };
const PRIVATE = ec2.SubnetType.PRIVATE_WITH_EGRESS;

class QuickstartStack extends cdk.Stack {
  constructor(scope, id, props) {
    super(scope, id, props);
    cdk.Tags.of(this).add('emrctl:project', PROJECT);

    // Network.
    const vpc = new ec2.Vpc(this, 'Vpc', {
      ipAddresses: ec2.IpAddresses.cidr('172.16.0.0/22'),
      maxAzs: 1,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 23, mapPublicIpOnLaunch: false },
        { name: 'private', subnetType: PRIVATE, cidrMask: 23 },
      ],
      gatewayEndpoints: {
        S3: { service: ec2.GatewayVpcEndpointAwsService.S3, subnets: [{ subnetType: PRIVATE }] },
      },
    });
    for (const subnet of [...vpc.publicSubnets, ...vpc.privateSubnets])
      cdk.Tags.of(subnet).add(EMR_TAG.key, EMR_TAG.value);

    const endpointSg = new ec2.SecurityGroup(this, 'InterfaceEndpointSecurityGroup', {
      vpc,
      description: 'HTTPS from the VPC to its interface endpoints',
    });
    endpointSg.addIngressRule(ec2.Peer.ipv4(vpc.vpcCidrBlock), ec2.Port.tcp(443), 'HTTPS from the VPC');
    const endpoint = (id, service) =>
      vpc.addInterfaceEndpoint(id, {
        service,
        subnets: { subnetType: PRIVATE },
        securityGroups: [endpointSg],
        privateDnsEnabled: true,
        open: false,
      });
    const ssm = endpoint('SsmEndpoint', ec2.InterfaceVpcEndpointAwsService.SSM);
    const ssmMessages = endpoint('SsmMessagesEndpoint', ec2.InterfaceVpcEndpointAwsService.SSM_MESSAGES);

    // EMR-managed security groups, created explicitly with the rules EMR needs in a private subnet.
    const emrSg = (id, description, allowAllOutbound) => {
      const sg = new ec2.SecurityGroup(this, id, { vpc, description, allowAllOutbound });
      cdk.Tags.of(sg).add(EMR_TAG.key, EMR_TAG.value);
      return sg;
    };
    const primarySg = emrSg('EmrPrimarySecurityGroup', 'EMR primary node (private subnet)', true);
    const coreSg = emrSg('EmrCoreSecurityGroup', 'EMR core and task nodes (private subnet)', true);
    const serviceSg = emrSg('EmrServiceAccessSecurityGroup',
      'EMR service access to a cluster in a private subnet', false);
    const protocols = [
      ['ICMP', ec2.Port.allIcmp()],
      ['TCP', ec2.Port.allTcp()],
      ['UDP', ec2.Port.allUdp()],
    ];
    for (const [name, port] of protocols) {
      primarySg.addIngressRule(primarySg, port, `All ${name} within the primary group`);
      primarySg.addIngressRule(coreSg, port, `All ${name} from core and task nodes`);
      coreSg.addIngressRule(coreSg, port, `All ${name} within the core group`);
      coreSg.addIngressRule(primarySg, port, `All ${name} from the primary node`);
    }
    primarySg.addIngressRule(serviceSg, ec2.Port.tcp(8443), 'EMR cluster manager to the primary node');
    coreSg.addIngressRule(serviceSg, ec2.Port.tcp(8443), 'EMR cluster manager to core and task nodes');
    serviceSg.addIngressRule(primarySg, ec2.Port.tcp(9443),
      'Primary node to the EMR service (required from emr-5.30.0)');
    serviceSg.addEgressRule(primarySg, ec2.Port.tcp(8443), 'EMR cluster manager to the primary node');
    serviceSg.addEgressRule(coreSg, ec2.Port.tcp(8443), 'EMR cluster manager to core and task nodes');

    // Buckets.
    const bucket = (id, kind) =>
      new s3.Bucket(this, id, {
        bucketName: `${PROJECT}-${kind}-${SUFFIX}`,
        encryption: s3.BucketEncryption.S3_MANAGED,
        blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
        objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
        enforceSSL: true,
        removalPolicy: cdk.RemovalPolicy.RETAIN,
      });
    const dataBucket = bucket('DataBucket', 'data');
    const logsBucket = bucket('LogsBucket', 'logs');

    // Roles.
    const emrPrincipal = new iam.ServicePrincipal('elasticmapreduce.amazonaws.com').withConditions({
      ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:elasticmapreduce:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
      StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
    });
    const instanceRole = new iam.Role(this, 'EmrInstanceRole', {
      roleName: `${PROJECT}-emr-ec2-${Aws.REGION}`,
      description: `Nodes of the ${PROJECT} EMR cluster`,
      assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSSMManagedInstanceCore')],
      inlinePolicies: {
        'project-data': new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              sid: 'ProjectDataReadWrite',
              actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:AbortMultipartUpload',
                's3:ListMultipartUploadParts'],
              resources: [dataBucket.arnForObjects('*')],
            }),
            new iam.PolicyStatement({
              sid: 'ProjectDataList',
              actions: ['s3:ListBucket', 's3:GetBucketLocation'],
              resources: [dataBucket.bucketArn],
            }),
            new iam.PolicyStatement({
              sid: 'ClusterLogsWrite',
              actions: ['s3:PutObject', 's3:GetObject', 's3:ListBucket', 's3:GetBucketLocation'],
              resources: [logsBucket.bucketArn, logsBucket.arnForObjects('*')],
            }),
            new iam.PolicyStatement({
              sid: 'DescribeOwnCluster',
              actions: ['elasticmapreduce:DescribeCluster', 'elasticmapreduce:ListBootstrapActions',
                'elasticmapreduce:ListInstanceGroups', 'elasticmapreduce:ListInstances',
                'elasticmapreduce:ListSteps', 'elasticmapreduce:DescribeStep'],
              resources: [`arn:${Aws.PARTITION}:elasticmapreduce:${Aws.REGION}:${Aws.ACCOUNT_ID}:cluster/*`],
            }),
          ],
        }),
      },
    });
    const instanceProfile = new iam.InstanceProfile(this, 'EmrInstanceProfile', {
      role: instanceRole,
      instanceProfileName: `${PROJECT}-emr-ec2-${Aws.REGION}`,
    });
    const serviceRole = new iam.Role(this, 'EmrServiceRole', {
      description: `EMR service role of the ${PROJECT} cluster`,
      assumedBy: emrPrincipal,
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonEMRServicePolicy_v2')],
      inlinePolicies: {
        'pass-instance-role': new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              sid: 'PassInstanceRole',
              actions: ['iam:PassRole'],
              resources: [instanceRole.roleArn],
              conditions: { StringLike: { 'iam:PassedToService': 'ec2.amazonaws.com*' } },
            }),
          ],
        }),
      },
    });
    const notebookRole = new iam.Role(this, 'EmrNotebookRole', {
      description: `EMR Notebooks and Studio workspaces on the ${PROJECT} cluster`,
      assumedBy: emrPrincipal,
      managedPolicies: [
        iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AmazonElasticMapReduceEditorsRole'),
      ],
      inlinePolicies: {
        'notebook-storage': new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({
              sid: 'NotebookFiles',
              actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject', 's3:ListBucket',
                's3:GetBucketLocation', 's3:GetEncryptionConfiguration'],
              resources: [dataBucket.bucketArn, dataBucket.arnForObjects('*')],
            }),
          ],
        }),
      },
    });

    // The cluster.
    const cluster = new emr.CfnCluster(this, 'EmrCluster', {
      name: PROJECT,
      releaseLabel: 'emr-7.14.0',
      applications: [{ name: 'Hadoop' }, { name: 'Spark' }],
      serviceRole: serviceRole.roleName,
      jobFlowRole: instanceProfile.instanceProfileName,
      logUri: `s3://${logsBucket.bucketName}/`,
      // visibleToAllUsers (true in emrctl's template) is deprecated in CDK and true by default.
      autoTerminationPolicy: { idleTimeout: 3600 },
      bootstrapActions: [{
        name: 'install.sh',
        scriptBootstrapAction: { path: `s3://${dataBucket.bucketName}/bootstrap/install.sh` },
      }],
      configurations: [{
        classification: 'spark-env',
        configurations: [{
          classification: 'export',
          configurationProperties: { PYSPARK_PYTHON: '/usr/bin/python3' },
        }],
      }],
      instances: {
        ec2SubnetId: vpc.privateSubnets[0].subnetId,
        emrManagedMasterSecurityGroup: primarySg.securityGroupId,
        emrManagedSlaveSecurityGroup: coreSg.securityGroupId,
        serviceAccessSecurityGroup: serviceSg.securityGroupId,
        keepJobFlowAliveWhenNoSteps: true,
        terminationProtected: false,
        masterInstanceGroup: { name: 'Primary', instanceCount: 1, instanceType: 'm6g.xlarge', market: 'ON_DEMAND' },
        coreInstanceGroup: { name: 'Core', instanceCount: 2, instanceType: 'm6g.xlarge', market: 'SPOT' },
      },
    });
    cdk.Tags.of(cluster).add('Name', `${PROJECT}-cluster`);
    cdk.Tags.of(cluster).add(EMR_TAG.key, EMR_TAG.value);
    // Create the cluster only once its subnet reaches the NAT and the endpoints, every security
    // group rule and both bucket policies exist (as emrctl's DependsOn list does).
    cluster.node.addDependency(vpc.privateSubnets[0].internetConnectivityEstablished, ssm, ssmMessages,
      primarySg, coreSg, serviceSg, dataBucket, logsBucket);
    const s3Endpoint = vpc.node.tryFindChild('S3');
    if (s3Endpoint) cluster.node.addDependency(s3Endpoint);

    // Outputs, exported under the project's name like emrctl's.
    const output = (id, value, description) =>
      new cdk.CfnOutput(this, id, { value, description, exportName: `${PROJECT}:${id}` });
    output('ClusterId', cluster.ref, 'The EMR cluster (j-...)');
    output('DataBucketName', dataBucket.bucketName, 'Code, data and job outputs');
    output('DataBucketArn', dataBucket.bucketArn, 'Code, data and job outputs');
    output('LogsBucketName', logsBucket.bucketName, 'EMR cluster and step logs');
    output('LogsBucketArn', logsBucket.bucketArn, 'EMR cluster and step logs');
    output('InstanceRoleArn', instanceRole.roleArn, "Role of the cluster's nodes");
    output('NotebookRoleArn', notebookRole.roleArn, 'Service role for EMR Notebooks and Studio workspaces');
    output('VpcId', vpc.vpcId, 'The VPC');
    output('PublicSubnetIds', cdk.Fn.join(',', vpc.publicSubnets.map((s) => s.subnetId)),
      'Public subnets, one per AZ');
    output('PrivateSubnetIds', cdk.Fn.join(',', vpc.privateSubnets.map((s) => s.subnetId)),
      'Private subnets, one per AZ; the cluster runs in the first');
  }
}

const app = new cdk.App();
new QuickstartStack(app, PROJECT, {
  description: 'CDK peer of emrctl quickstart: Spark on EMR on EC2 (emr-7.14.0) in a private subnet, '
    + 'with its VPC, buckets and roles',
});
app.synth();
